// SPDX-License-Identifier: Apache-2.0
/**
 * Market-data feeds: the service every venue feed (live or replay) provides, its listener and its status.
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.feed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
