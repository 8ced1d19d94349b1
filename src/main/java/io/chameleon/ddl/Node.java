package io.chameleon.ddl;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a parse tree, seen the same way whichever grammar (MySQL or MariaDB) built it: a rule
 * by its context name ({@code AlterByAddColumn}), a token by its symbolic name ({@code UNSIGNED}).
 * The two grammars share these names, so one reader serves both.
 */
final class Node {
    private final ParseTree tree;
    private final Vocabulary vocabulary;

    Node(ParseTree tree, Vocabulary vocabulary) {
        this.tree = tree;
        this.vocabulary = vocabulary;
    }

    /** The rule or labelled alternative ({@code ColumnDeclaration}), or the token type ({@code ID}). */
    String kind() {
        if (tree instanceof TerminalNode t) {
            String name = vocabulary.getSymbolicName(t.getSymbol().getType());
            return name == null ? "" : name;
        }
        String name = tree.getClass().getSimpleName();
        return name.endsWith("Context") ? name.substring(0, name.length() - "Context".length()) : name;
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    boolean isToken() {
        return tree instanceof TerminalNode;
    }

    List<Node> children() {
        List<Node> c = new ArrayList<>(tree.getChildCount());
        for (int i = 0; i < tree.getChildCount(); i++) {
            c.add(new Node(tree.getChild(i), vocabulary));
        }
        return c;
    }

    Optional<Node> child(String kind) {
        return children().stream().filter(n -> n.is(kind)).findFirst();
    }

    List<Node> children(String kind) {
        return children().stream().filter(n -> n.is(kind)).toList();
    }

    /** Whether a direct child is the token (or rule) {@code kind}. */
    boolean has(String kind) {
        return child(kind).isPresent();
    }

    /** The first node of {@code kind} below this one, depth first. */
    Optional<Node> find(String kind) {
        for (Node c : children()) {
            if (c.is(kind)) {
                return Optional.of(c);
            }
            Optional<Node> below = c.find(kind);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** Every node of {@code kind} below this one, not looking inside the ones found. */
    List<Node> findAll(String kind) {
        List<Node> found = new ArrayList<>();
        for (Node c : children()) {
            if (c.is(kind)) {
                found.add(c);
            } else {
                found.addAll(c.findAll(kind));
            }
        }
        return found;
    }

    /** The statement's own text for this node, spaces and comments included. */
    String text() {
        if (tree instanceof TerminalNode t) {
            return t.getText();
        }
        ParserRuleContext r = (ParserRuleContext) tree;
        if (r.getStop() == null || r.getStop().getStopIndex() < r.getStart().getStartIndex()) {
            return "";
        }
        return r.getStart().getInputStream().getText(Interval.of(r.getStart().getStartIndex(), r.getStop().getStopIndex()));
    }

    @Override
    public String toString() {
        return kind() + "[" + text() + "]";
    }
}
