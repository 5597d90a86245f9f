// SPDX-License-Identifier: Apache-2.0
/**
 * Drools rule sets compiled from files at run time: what is in force, deployment records and a Drools-free session facade.
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
