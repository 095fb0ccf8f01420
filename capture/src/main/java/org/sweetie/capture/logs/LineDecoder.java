package org.sweetie.capture.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one line's bytes into text without mangling it. IRC has no declared encoding: a log mixes UTF-8 lines with
 * lines from Latin-1 and Windows clients. Each line is read as UTF-8 when it is valid UTF-8, else as Windows-1252
 * (the superset of Latin-1 that Windows clients send), where the five bytes Windows-1252 leaves undefined keep their
 * Latin-1 meaning. No byte ever becomes a replacement character.
 */
final class LineDecoder {
    private static final char[] WINDOWS_1252 = windows1252Table();

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    String decode(byte[] bytes, int length) {
        if (isAscii(bytes, length)) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = WINDOWS_1252[bytes[i] & 0xff];
            }
            return new String(chars);
        }
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static char[] windows1252Table() {
        CharsetDecoder decoder = Charset.forName("windows-1252").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            try {
                CharBuffer decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                table[b] = decoded.get(0);
            } catch (CharacterCodingException undefined) {
                table[b] = (char) b;
            }
        }
        return table;
    }
}
