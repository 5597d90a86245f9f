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

/** Completes rule file names relative to the rules folder ({@code entry/imbalance.drl}). */
@Service
public class RuleFileCompleter implements Completer {

    @Reference
    RuleService rules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (String set : rules.ruleSets()) {
            delegate.getStrings().addAll(rules.files(set));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
