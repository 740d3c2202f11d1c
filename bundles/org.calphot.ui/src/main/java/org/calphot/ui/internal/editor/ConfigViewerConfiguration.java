// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.calphot.ui.internal.Prefs;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Colours (keys, comments, numbers, strings, booleans) and content assist (keys, log and coords names). */
final class ConfigViewerConfiguration extends TextSourceViewerConfiguration {

    private final Supplier<Path> configFile;

    ConfigViewerConfiguration(Supplier<Path> configFile) {
        super(EditorsUI.getPreferenceStore());
        this.configFile = configFile;
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler r = new PresentationReconciler();
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new YamlScanner());
        r.setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        r.setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
        return r;
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
        ContentAssistant a = new ContentAssistant();
        a.setContentAssistProcessor(new Completion(configFile), IDocument.DEFAULT_CONTENT_TYPE);
        a.enableAutoActivation(true);
        a.setAutoActivationDelay(300);
        a.setProposalPopupOrientation(IContentAssistant.PROPOSAL_OVERLAY);
        a.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return a;
    }

    private static Color color(int r, int g, int b) {
        Display d = Display.getCurrent();
        return new Color(d, new RGB(r, g, b));
    }

    /** One line at a time: a key is the text before ': ' at the start of a line (after indentation or '- '). */
    static final class YamlScanner extends RuleBasedScanner {
        YamlScanner() {
            IToken key = new Token(new TextAttribute(color(0x1f, 0x4e, 0x9c), null, SWT.BOLD));
            IToken comment = new Token(new TextAttribute(color(0x3f, 0x7f, 0x5f), null, SWT.ITALIC));
            IToken string = new Token(new TextAttribute(color(0xa3, 0x15, 0x15)));
            IToken number = new Token(new TextAttribute(color(0x09, 0x86, 0x58)));
            IToken literal = new Token(new TextAttribute(color(0x7f, 0x00, 0x55), null, SWT.BOLD));
            WordRule words = new WordRule(new IWordDetector() {
                @Override
                public boolean isWordStart(char c) {
                    return Character.isLetter(c);
                }

                @Override
                public boolean isWordPart(char c) {
                    return Character.isLetterOrDigit(c) || c == '_';
                }
            }, Token.UNDEFINED, true);
            for (String w : new String[] {"true", "false", "yes", "no", "on", "off", "null", "none"}) {
                words.addWord(w, literal);
            }
            setRules(new IRule[] {new EndOfLineRule("#", comment), new KeyRule(this, key),
                new SingleLineRule("\"", "\"", string, '\\'), new SingleLineRule("'", "'", string),
                new NumberRule(number), words});
        }

        /** True when the current token starts a line's content. */
        boolean onlyBlanksBefore() {
            try {
                int line = fDocument.getLineOfOffset(fOffset);
                String head = fDocument.get(fDocument.getLineOffset(line), fOffset - fDocument.getLineOffset(line));
                return head.replace('-', ' ').isBlank();
            } catch (BadLocationException e) {
                return false;
            }
        }
    }

    /** Matches {@code key:} when only blanks (or a list dash) precede it on its line. */
    static final class KeyRule implements IRule {
        private final IToken token;
        private final YamlScanner owner;

        KeyRule(YamlScanner owner, IToken token) {
            this.owner = owner;
            this.token = token;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            if (!owner.onlyBlanksBefore()) {
                return Token.UNDEFINED;
            }
            int n = 0;
            int c;
            while ((c = scanner.read()) != ICharacterScanner.EOF && c != '\n' && c != '\r' && c != '#') {
                n++;
                if (c == ':') {
                    int next = scanner.read();
                    scanner.unread();
                    if (next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == ICharacterScanner.EOF) {
                        return token;
                    }
                }
            }
            scanner.unread();
            for (int i = 0; i < n; i++) {
                scanner.unread();
            }
            return Token.UNDEFINED;
        }
    }

    /**
     * Keys at the start of a line (top-level keys at indent 0, payload keys deeper), log file names as keys under
     * {@code logfiles:}, {@code .coords} names as their values.
     */
    static final class Completion implements IContentAssistProcessor {
        private final Supplier<Path> configFile;

        Completion(Supplier<Path> configFile) {
            this.configFile = configFile;
        }

        @Override
        public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
            IDocument doc = viewer.getDocument();
            try {
                IRegion line = doc.getLineInformationOfOffset(offset);
                String before = doc.get(line.getOffset(), offset - line.getOffset());
                int indent = before.length() - before.stripLeading().length();
                String typed = before.strip();
                int lineNo = doc.getLineOfOffset(offset);
                String parent = parentKey(doc, lineNo, indent);
                List<ICompletionProposal> out = new ArrayList<>();
                int colon = typed.indexOf(": ");
                if ("logfiles".equals(parent)) {
                    if (colon < 0 && !typed.endsWith(":")) {
                        files(out, typed, offset, ".log", ".fits", ".ulog");
                    } else {
                        String v = typed.substring(typed.indexOf(':') + 1).strip();
                        files(out, v, offset, ".coords");
                    }
                } else if (colon < 0 && !typed.contains(":")) {
                    Map<String, String[]> keys = indent == 0 ? ConfigKeys.TOP
                            : parent != null && !"extract".equals(parent) ? ConfigKeys.PAYLOAD : Map.of();
                    java.util.Set<String> present = siblingKeys(doc, lineNo, indent);
                    for (Map.Entry<String, String[]> e : keys.entrySet()) {
                        if (present.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                            continue; // already in this mapping: a second one would be an error
                        }
                        if (e.getKey().toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
                            String example = e.getKey().equals("observatory")
                                    ? Prefs.store().getString(Prefs.DEFAULT_SITE) : e.getValue()[0];
                            String insert = e.getKey() + ": " + example;
                            out.add(new CompletionProposal(insert, offset - typed.length(), typed.length(),
                                    insert.length(), null, e.getKey() + " \u2014 " + e.getValue()[1], null,
                                    e.getValue()[1]));
                        }
                    }
                }
                return out.toArray(new ICompletionProposal[0]);
            } catch (BadLocationException e) {
                return new ICompletionProposal[0];
            }
        }

        /** Keys (lower case) of the other lines of the same mapping as line {@code lineNo} (same indentation). */
        static java.util.Set<String> siblingKeys(IDocument doc, int lineNo, int indent) throws BadLocationException {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int i = lineNo + dir; i >= 0 && i < doc.getNumberOfLines(); i += dir) {
                    IRegion r = doc.getLineInformation(i);
                    String l = doc.get(r.getOffset(), r.getLength());
                    String st = l.strip();
                    if (st.isEmpty() || st.startsWith("#")) {
                        continue;
                    }
                    int ind = l.length() - l.stripLeading().length();
                    if (ind < indent) {
                        break; // the mapping ends at its parent
                    }
                    int c = st.indexOf(':');
                    if (ind == indent && c > 0) {
                        out.add(st.substring(0, c).strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return out;
        }

        /** The key of the nearest line above with less indentation, or null at the top level. */
        static String parentKey(IDocument doc, int lineNo, int indent) throws BadLocationException {
            for (int i = lineNo - 1; i >= 0; i--) {
                IRegion r = doc.getLineInformation(i);
                String l = doc.get(r.getOffset(), r.getLength());
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                int ind = l.length() - l.stripLeading().length();
                if (ind < indent) {
                    int c = s.indexOf(':');
                    return c < 0 ? null : s.substring(0, c).strip();
                }
            }
            return null;
        }

        private void files(List<ICompletionProposal> out, String typed, int offset, String... ends) {
            Path cfg = configFile.get();
            Path base = cfg == null ? null : cfg.toAbsolutePath().getParent();
            if (base == null) {
                return;
            }
            try (Stream<Path> s = Files.walk(base, 3)) {
                s.filter(Files::isRegularFile).map(p -> base.relativize(p).toString().replace('\\', '/'))
                        .filter(n -> {
                            for (String e : ends) {
                                if (n.toLowerCase(Locale.ROOT).endsWith(e)) {
                                    return true;
                                }
                            }
                            return false;
                        }).filter(n -> n.startsWith(typed)).sorted().limit(200)
                        .forEach(n -> out.add(new CompletionProposal(n, offset - typed.length(), typed.length(),
                                n.length(), null, n + "  (relative to the config's folder)", null, null)));
            } catch (IOException e) {
                // an unreadable folder simply proposes nothing
            }
        }

        @Override
        public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
            return null;
        }

        @Override
        public char[] getCompletionProposalAutoActivationCharacters() {
            return null;
        }

        @Override
        public char[] getContextInformationAutoActivationCharacters() {
            return null;
        }

        @Override
        public String getErrorMessage() {
            return null;
        }

        @Override
        public IContextInformationValidator getContextInformationValidator() {
            return null;
        }
    }
}
