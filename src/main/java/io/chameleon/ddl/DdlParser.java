package io.chameleon.ddl;

import io.chameleon.mysql.ServerInfo.Flavour;
import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mysql.legacy.MySqlLexer;
import io.debezium.ddl.parser.mysql.legacy.MySqlParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses statement text with Debezium's ANTLR grammars: MariaDB's for MariaDB sources (MySQL's
 * rejects {@code ADD COLUMN IF NOT EXISTS} and {@code CREATE OR REPLACE TABLE}), the MySQL grammar
 * whose rules match MariaDB's ({@code mysql.legacy}) for MySQL sources, so one reader walks both.
 * Text either grammar rejects comes back as a syntax error, never as a partial tree.
 */
final class DdlParser {
    private final Flavour flavour;

    DdlParser(Flavour flavour) {
        this.flavour = flavour;
    }

    /** The statements of {@code sql}, or the first syntax error. */
    record Parsed(List<Node> statements, String error) {}

    Parsed parse(String sql) {
        // SLL is much faster and right for nearly every statement; LL settles the rest
        Parsed fast = parse(sql, PredictionMode.SLL);
        return fast.error() == null ? fast : parse(sql, PredictionMode.LL);
    }

    private Parsed parse(String sql, PredictionMode mode) {
        Errors errors = new Errors();
        Lexer lexer = flavour == Flavour.MARIADB ? new MariaDBLexer(CharStreams.fromString(sql))
                : new MySqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        Parser parser = flavour == Flavour.MARIADB ? new MariaDBParser(tokens) : new MySqlParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.getInterpreter().setPredictionMode(mode);
        ParseTree root = parser instanceof MariaDBParser m ? m.root() : ((MySqlParser) parser).root();
        if (!errors.messages.isEmpty()) {
            return new Parsed(List.of(), errors.messages.get(0));
        }
        Node rootNode = new Node(root, parser.getVocabulary());
        return new Parsed(rootNode.findAll("SqlStatement"), null);
    }

    private static final class Errors extends BaseErrorListener {
        private final List<String> messages = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                RecognitionException e) {
            messages.add("line " + line + ":" + column + " " + msg);
        }
    }
}
