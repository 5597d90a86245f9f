// SPDX-License-Identifier: Apache-2.0
/**
 * The audit journal every signal, order, fill, risk decision and rule deployment is written to.
 */
@Export
@Version("0.1.0")
package org.tradeengine.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
