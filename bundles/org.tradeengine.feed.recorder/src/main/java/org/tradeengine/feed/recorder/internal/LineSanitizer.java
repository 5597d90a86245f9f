// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

/**
 * Keeps a message on one line of a recording. A CR or LF between JSON tokens (pretty-printed JSON) becomes a
 * space, which JSON allows; one inside a string (invalid JSON, but it happens) becomes the escape {@code \r} or
 * {@code \n}, which keeps its meaning. Non-JSON text is treated the same way: it never breaks the line.
 */
final class LineSanitizer {

    private LineSanitizer() {
    }

    /**
     * @param message message bytes
     * @param length number of valid bytes
     * @return whether the message holds a CR or LF byte
     */
    static boolean hasBreak(byte[] message, int length) {
        for (int i = 0; i < length; i++) {
            if (message[i] == '\n' || message[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * @param message the message bytes (the recorder's own copy, changed in place where possible)
     * @return the message without CR or LF: the same array, or a longer copy if a string held a raw CR or LF
     */
    static byte[] oneLine(byte[] message) {
        boolean inString = false;
        int inStringBreaks = 0;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\n' || b == '\r') {
                if (inString) {
                    inStringBreaks++;
                } else {
                    message[i] = ' ';
                }
            } else if (inString && b == '\\') {
                i += i + 1 < message.length && !isBreak(message[i + 1]) ? 1 : 0;
            } else if (b == '"') {
                inString = !inString;
            }
        }
        return inStringBreaks == 0 ? message : escapeBreaks(message, inStringBreaks);
    }

    private static boolean isBreak(byte b) {
        return b == '\n' || b == '\r';
    }

    private static byte[] escapeBreaks(byte[] message, int breaks) {
        byte[] out = new byte[message.length + breaks];
        int j = 0;
        for (byte b : message) {
            if (isBreak(b)) {
                out[j++] = '\\';
                out[j++] = (byte) (b == '\n' ? 'n' : 'r');
            } else {
                out[j++] = b;
            }
        }
        return out;
    }
}
