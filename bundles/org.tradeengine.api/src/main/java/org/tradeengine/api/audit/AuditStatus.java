// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.api.audit;

/**
 * What the journal has done since it started.
 *
 * @param backlog records accepted and not yet in the database (they wait in the local spool)
 * @param stored records written to the database
 * @param duplicates records the database already had (an earlier run or a replay wrote them)
 * @param withProblems stored records that lacked an expected field or had a malformed one (named in their row)
 * @param refused records their own table refused, stored as unclassified with the refusal
 * @param rejected spool lines that could not be read or stored anywhere (set aside in a file, never dropped)
 * @param spoolWriteFailures spool writes or fsyncs that failed (records then wait in memory)
 * @param databaseUp whether the last database attempt succeeded
 * @param lastProblem the last database or spool problem, empty if none
 */
public record AuditStatus(long backlog, long stored, long duplicates, long withProblems, long refused, long rejected,
        long spoolWriteFailures, boolean databaseUp, String lastProblem) {
}
