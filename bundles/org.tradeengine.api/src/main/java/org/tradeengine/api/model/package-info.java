// SPDX-License-Identifier: Apache-2.0
/**
 * Domain values: venues, instrument ids and specs, exact fixed-point prices and quantities, sides, signals, order intents, trading states.
 */
@Export
@Version("0.1.0")
package org.tradeengine.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
