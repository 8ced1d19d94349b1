package io.chameleon.ddl;

/**
 * A DEFAULT clause as written: its kind and its text (a string literal already unescaped, a
 * number with its sign, hex or bit digits, or an expression's text).
 */
record DefaultSpec(Kind kind, String value) {
    enum Kind { NULL, STRING, NUMBER, HEX, BITS, BOOLEAN, EXPRESSION }

    static final DefaultSpec NULL = new DefaultSpec(Kind.NULL, null);
}
