package org.sweetie.web.view;

import java.util.List;

/**
 * The workbench's list page.
 *
 * @param search the key the session keeps the search under ("" for none): the only part of it in a URL
 * @param error what is wrong with the search, or ""
 */
public record ConversationList(SearchForm form, String search, List<ConversationRow> rows, int total, int page,
                               int pages, String error) {
    public ConversationList {
        rows = List.copyOf(rows);
    }

    public List<SearchForm.StageOption> stageOptions() {
        return SearchForm.stageOptions();
    }

    /** The URL of another page of the same search. */
    public String pageUrl(int number) {
        return "/conversations?" + (search.isEmpty() ? "" : "search=" + search + "&") + "page=" + number;
    }
}
