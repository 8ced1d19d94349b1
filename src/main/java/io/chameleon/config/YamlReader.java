package io.chameleon.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a YAML file into plain maps, lists and strings. Scalars stay text (only an empty value
 * or {@code ~}/{@code null} becomes null) so that each key's own type decides what it means:
 * {@code port: "5432"} and {@code port: 5432} read the same, and a password such as {@code yes}
 * or {@code 0123} is not turned into a boolean or a number.
 */
final class YamlReader {
    private static final Pattern SAFE_PROBLEM = Pattern.compile(String.join("|",
            "mapping values are not allowed here",
            "could not find expected ':'",
            "found character '.{1,8}' that cannot start any token",
            "found a tab character [a-z ]+",
            "expected <[a-z ]+>, but found '?<[a-z ]+>'?",
            "did not find expected [a-z<>',\\-\\]} ]+",
            "found unexpected end of stream",
            "expected a single document in the stream",
            // keys are names, never secrets
            "found duplicate key .{1,100}"));

    private YamlReader() {
    }

    /** The file's top-level mapping, or a one-line {@link ConfigException}. */
    static Map<?, ?> read(Path file) {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = yaml().load(in);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(at(file, e.getProblemMark()) + "not valid YAML: " + problem(e));
        } catch (YAMLException e) {
            throw new ConfigException(file + ": not valid YAML");
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(file + ": found " + (root == null ? "an empty file" : "no mapping of keys")
                    + "; allowed: a YAML mapping with at least pg_conn and sources");
        }
        return map;
    }

    /**
     * SnakeYAML's description of the problem when it is one of the known texts that carry no
     * content of the file; others may quote a value, which may be a password, so they are replaced.
     */
    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (SAFE_PROBLEM.matcher(problem).matches()) {
            return problem;
        }
        return "the indentation or quoting is wrong at this point";
    }

    private static String at(Path file, Mark mark) {
        return mark == null ? file + ": " : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // Room for anchors shared by many sources, none for an alias bomb.
        options.setMaxAliasesForCollections(100);
        // Yaml's only constructor that takes a Resolver wants dumping settings too; nothing is dumped.
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumping), dumping, options, new TextResolver());
    }

    /** Resolves no implicit types but null, and the merge key {@code <<} that shares settings between sources. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
        }
    }
}
