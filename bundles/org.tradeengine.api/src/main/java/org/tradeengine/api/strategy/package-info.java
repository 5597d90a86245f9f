// SPDX-License-Identifier: Apache-2.0
/**
 * Strategies: services that turn book features into signals.
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.strategy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
