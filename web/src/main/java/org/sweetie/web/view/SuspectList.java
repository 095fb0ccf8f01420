package org.sweetie.web.view;

import java.util.List;

/** The suspects list page: one page of rows, highest referral priority first. */
public record SuspectList(List<SuspectRow> rows, int total, int page, int pages) {
    public SuspectList {
        rows = List.copyOf(rows);
    }

    public String pageUrl(int number) {
        return "/suspects?page=" + number;
    }
}
