// SPDX-License-Identifier: Apache-2.0
/**
 * Pre-trade risk: decisions with the rule that made them and a human reason.
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.risk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
