// SPDX-License-Identifier: Apache-2.0
/**
 * The audit journal every signal, order, fill, risk decision and rule deployment is written to
 * ({@link org.tradeengine.api.audit.AuditJournal}), and what can be asked of it: history for the shell and the API,
 * and the point a restart resumes from ({@link org.tradeengine.api.audit.AuditQueries}).
 */
@Export
@Version("0.2.0")
package org.tradeengine.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
