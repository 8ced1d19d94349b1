package io.chameleon.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Whether each MySQL schema named in schema_mappings is there for the replica account to read. */
final class PreflightSchemaChecks {
    private PreflightSchemaChecks() {}

    /**
     * @param visible the schemas information_schema shows to the account: a schema on which the
     *        account has no privilege at all is hidden, so "missing" may also mean "not granted"
     */
    static List<CheckResult> evaluate(Collection<String> mapped, Collection<String> visible,
            PreflightAccount account, String where, String sourceName) {
        List<CheckResult> out = new ArrayList<>();
        for (String schema : mapped) {
            String name = "schema " + schema;
            if (visible.contains(schema)) {
                out.add(CheckResult.ok(name, "exists"));
                continue;
            }
            String similar = visible.stream().filter(v -> v.equalsIgnoreCase(schema)).findFirst()
                    .map(v -> " (there is `" + v + "`: names are case-sensitive here)").orElse("");
            out.add(CheckResult.failed(name, "no schema `" + schema + "` on " + where + " visible to " + account
                    + similar,
                    "correct the key '" + schema + "' in schema_mappings of source '" + sourceName + "'; if the"
                            + " schema exists, the account cannot see it: on " + where + " run GRANT SELECT ON "
                            + PreflightGrantChecks.schemaPattern(schema) + " TO " + account.sql() + ";"));
        }
        return out;
    }
}
