package io.chameleon.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a server certificate names the host connected to, as libpq's verify-full checks it: an IP address
 * against the certificate's IP entries, a name against its DNS entries (a leading {@code *.} matches one
 * label); the subject's CN only when the certificate has no DNS or IP entry.
 */
final class HostNames {
    private static final int DNS = 2;
    private static final int IP = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNames() {
    }

    static boolean matches(X509Certificate cert, String host) throws CertificateParsingException {
        boolean ip = isIpLiteral(host);
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> entry : alternatives) {
                int type = (Integer) entry.get(0);
                if (type == DNS) {
                    dns.add((String) entry.get(1));
                } else if (type == IP) {
                    ips.add((String) entry.get(1));
                }
            }
        }
        if (ip) {
            return ips.stream().anyMatch(a -> sameAddress(a, host));
        }
        List<String> names = dns.isEmpty() && ips.isEmpty() ? commonNames(cert) : dns;
        return names.stream().anyMatch(n -> nameMatches(n, host));
    }

    /** What the certificate names, for messages. */
    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.stream().filter(e -> (Integer) e.get(0) == DNS || (Integer) e.get(0) == IP)
                        .forEach(e -> names.add((String) e.get(1)));
            }
        } catch (CertificateParsingException e) {
            // the names are for a message only
        }
        return names.isEmpty() ? commonNames(cert) : names;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // both are literals: no name lookup happens
            return InetAddress.getByName(a).equals(InetAddress.getByName(b.replaceAll("^\\[|]$", "")));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A DNS name of a certificate against a host name: case-insensitive, a leading *. for one label. */
    static boolean nameMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String h = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static List<String> commonNames(X509Certificate cert) {
        try {
            return new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns().stream()
                    .filter(r -> r.getType().equalsIgnoreCase("CN")).map(Rdn::getValue).map(Object::toString).toList();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }
}
