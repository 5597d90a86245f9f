// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;
import org.tradeengine.api.rules.RuleProblem;

/**
 * Turns Drools compiler messages into problems a risk officer can act on: the file relative to the rules
 * folder, the line (and column when Drools knows it), and the message without the parser's and MVEL's
 * decoration. Drools reports a Java error in a consequence at the rule's first line; when the message names
 * a method or variable, the line of the consequence that uses it is reported instead.
 */
final class CompilerMessages {

    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)$", Pattern.DOTALL);
    private static final Pattern ANALYSE = Pattern.compile("^Unable to Analyse Expression (.*?):?$");
    private static final Pattern MVEL_ERROR = Pattern.compile("^\\[Error: (.*)\\]$");
    private static final Pattern NO_PROPERTY =
            Pattern.compile("unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
    private static final Pattern JAVA_ERROR = Pattern.compile("^Rule Compilation error:? ?(.*)$", Pattern.DOTALL);
    private static final Pattern JAVA_NAME = Pattern.compile("The method (\\w+)\\(|(\\w+) cannot be resolved");
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private CompilerMessages() {
    }

    /**
     * Converts the error messages of one compile.
     *
     * @param messages Drools' messages (errors only)
     * @param sources the compiled files by the path they were given to Drools (relative to the resources root)
     * @param fallbackFile the file to name when Drools names none
     * @return the problems, in Drools' order, without duplicates
     */
    static List<RuleProblem> toProblems(List<Message> messages, Map<String, SourceFile> sources, String fallbackFile) {
        Set<RuleProblem> problems = new LinkedHashSet<>();
        Set<String> filesWithRealErrors = new LinkedHashSet<>();
        List<RuleProblem> nullPackages = new ArrayList<>();
        for (Message m : messages) {
            SourceFile source = m.getPath() == null ? null : sources.get(m.getPath());
            String file = source != null ? source.name() : m.getPath() != null ? m.getPath() : fallbackFile;
            RuleProblem p = toProblem(file, m.getLine(), m.getText() == null ? "" : m.getText().strip(), source);
            if (p.message().equals(NULL_PACKAGE)) {
                nullPackages.add(p);
            } else {
                problems.add(p);
                filesWithRealErrors.add(file);
            }
        }
        for (RuleProblem p : nullPackages) {
            if (!filesWithRealErrors.contains(p.file())) {
                problems.add(new RuleProblem(p.file(), 0, 0, "the file cannot be parsed as DRL"));
            }
        }
        return List.copyOf(problems);
    }

    static RuleProblem toProblem(String file, int line, String text, SourceFile source) {
        List<String> lines = source == null ? List.of() : source.text().lines().toList();
        Matcher parser = PARSER.matcher(text);
        if (parser.matches()) {
            int l = Integer.parseInt(parser.group(1));
            return new RuleProblem(file, l, Integer.parseInt(parser.group(2)) + 1, withRule(oneLine(parser.group(3)), lines, l));
        }
        Matcher java = JAVA_ERROR.matcher(text);
        if (java.matches()) {
            String detail = String.join("; ", java.group(1).lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
            int[] where = locateJavaError(detail, lines, line);
            return new RuleProblem(file, where[0], where[1], withRule("consequence does not compile: " + detail, lines, line));
        }
        return new RuleProblem(file, Math.max(line, 0), 0, withRule(analysis(text), lines, line));
    }

    /** Keeps the expression and the reason of an MVEL analysis error, dropping its position drawing. */
    private static String analysis(String text) {
        List<String> kept = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String s = raw.strip();
            Matcher analyse = ANALYSE.matcher(s);
            Matcher error = MVEL_ERROR.matcher(s);
            if (s.isEmpty() || s.startsWith("[Near") || s.startsWith("[Line:") || s.equals("^")) {
                continue;
            } else if (analyse.matches()) {
                kept.add("cannot evaluate '" + analyse.group(1) + "'");
            } else if (error.matches()) {
                kept.add(NO_PROPERTY.matcher(error.group(1)).replaceAll("$1 has no property '$2'"));
            } else {
                kept.add(s);
            }
        }
        return String.join(": ", kept);
    }

    /** Finds the consequence line that uses the method or name the Java compiler complains about. */
    private static int[] locateJavaError(String detail, List<String> lines, int ruleLine) {
        Matcher name = JAVA_NAME.matcher(detail);
        if (ruleLine > 0 && name.find()) {
            String token = name.group(1) != null ? name.group(1) : name.group(2);
            Pattern word = Pattern.compile("\\b" + Pattern.quote(token) + "\\b");
            boolean inConsequence = false;
            for (int i = ruleLine - 1; i < lines.size(); i++) {
                String s = lines.get(i).strip();
                if (i > ruleLine - 1 && (s.equals("end") || RULE_START.matcher(s).find())) {
                    break;
                }
                inConsequence |= s.equals("then") || s.startsWith("then ");
                Matcher m = word.matcher(lines.get(i));
                if (inConsequence && m.find()) {
                    return new int[] {i + 1, m.start() + 1};
                }
            }
        }
        return new int[] {Math.max(ruleLine, 0), 0};
    }

    /** Adds {@code in rule "name"} when Drools did not say which rule a line belongs to. */
    private static String withRule(String message, List<String> lines, int line) {
        if (message.contains("rule \"") || line <= 0) {
            return message;
        }
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            Matcher m = RULE_START.matcher(lines.get(i));
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                return message + " in rule \"" + name + "\"";
            }
        }
        return message;
    }

    private static String oneLine(String s) {
        return String.join(" ", s.lines().map(String::strip).filter(x -> !x.isEmpty()).toList());
    }
}
