// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tradeengine.api.rules.RuleService;

/** Completes rule set names ({@code entry}, {@code risk}). */
@Service
public class RuleSetCompleter implements Completer {

    @Reference
    RuleService rules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(rules.ruleSets()).complete(session, commandLine, candidates);
    }
}
