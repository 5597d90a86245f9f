// SPDX-License-Identifier: Apache-2.0
/**
 * The trading engine's query surface for the shell, REST API and tests.
 */
@Export
@Version("0.1.0")
package org.tradeengine.api.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
