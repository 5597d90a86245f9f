// SPDX-License-Identifier: Apache-2.0
/**
 * The trading desk: positions, orders, fills, P&amp;L, trading state and kill switch.
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.trading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
