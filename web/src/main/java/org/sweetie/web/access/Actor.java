package org.sweetie.web.access;

/**
 * Who does something, as the audit names them: a console user and the address they came from, or the command line
 * ({@code cli:OS-USER}, no address).
 */
public record Actor(String user, String address) {
    public static Actor commandLine() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), "");
    }
}
