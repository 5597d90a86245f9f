// SPDX-License-Identifier: Apache-2.0
/**
 * Level-2 order books: deltas from feeds, the read-only book view, integrity results, book states and the features strategies read.
 */
@Export
@Version("0.1.0")
package org.tradeengine.api.book;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
