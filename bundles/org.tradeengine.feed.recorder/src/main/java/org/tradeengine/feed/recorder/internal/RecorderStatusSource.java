// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.feed.recorder.internal;

/** The recorder as the {@code te:recorder} command sees it (a service of this bundle only). */
public interface RecorderStatusSource {

    /** @return what the recorder has done so far */
    RecorderStatus status();
}
