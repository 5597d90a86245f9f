// SPDX-License-Identifier: Apache-2.0
/**
 * Broker adapters: where order intents go (paper or a venue).
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.broker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
