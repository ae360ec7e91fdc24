package org.tongjie.api.sru;

import java.util.List;
import org.xbib.cql.BooleanGroup;
import org.xbib.cql.Modifier;
import org.xbib.cql.ModifierList;
import org.xbib.cql.PrefixAssignment;
import org.xbib.cql.Query;
import org.xbib.cql.ScopedClause;
import org.xbib.cql.SearchClause;
import org.xbib.cql.SortedQuery;

/** cql-common's parse tree written as XCQL (the form yaz and cql-java print), to compare with their cases. */
final class Xcql {
    private Xcql() {}

    static String of(SortedQuery sorted) {
        String body = query(sorted.getQuery(), "");
        if (sorted.getSortSpec() == null) {
            return body;
        }
        String keys = "<sortKeys>" + sorted.getSortSpec() + "</sortKeys>";
        int close = body.lastIndexOf("</");
        return body.substring(0, close) + keys + body.substring(close);
    }

    static String normalised(String xml) {
        return xml.strip().replaceAll(">\\s+<", "><");
    }

    private static String query(Query q, String prefixes) {
        if (q.getScopedClause() != null) {
            return scoped(q.getScopedClause(), prefixes);
        }
        var more = new StringBuilder(prefixes);
        for (PrefixAssignment p : q.getPrefixAssignments()) {
            String name = p.getURI() == null ? "" : "<name>" + esc(unquote(p.getPrefix().getValue())) + "</name>";
            String uri = unquote((p.getURI() == null ? p.getPrefix() : p.getURI()).getValue());
            more.append("<prefix>").append(name).append("<identifier>").append(esc(uri)).append("</identifier></prefix>");
        }
        return query(q.getQuery(), more.toString());
    }

    private static String scoped(ScopedClause c, String prefixes) {
        String p = prefixes.isEmpty() ? "" : "<prefixes>" + prefixes + "</prefixes>";
        if (c.getBooleanGroup() == null) {
            return search(c.getSearchClause(), p);
        }
        BooleanGroup g = c.getBooleanGroup();
        return "<triple>" + p + "<boolean><value>" + g.getOperator().getToken() + "</value>" + modifiers(g.getModifierList())
                + "</boolean><leftOperand>" + scoped(c.getScopedClause(), "") + "</leftOperand><rightOperand>"
                + search(c.getSearchClause(), "") + "</rightOperand></triple>";
    }

    private static String search(SearchClause s, String prefixes) {
        if (s.getQuery() != null) {
            String inner = query(s.getQuery(), "");
            return prefixes.isEmpty() ? inner : inner.replaceFirst(">", ">" + prefixes);
        }
        String index = s.getIndex() == null ? "cql.serverChoice" : s.getIndex().toString();
        String relation = s.getRelation() == null ? "=" : s.getRelation().getComparitor() == null ? "=="
                : s.getRelation().getComparitor().getToken();
        return "<searchClause>" + prefixes + "<index>" + esc(index) + "</index><relation><value>" + esc(relation) + "</value>"
                + (s.getRelation() == null ? "" : modifiers(s.getRelation().getModifierList())) + "</relation><term>"
                + esc(unquote(s.getTerm().getValue())) + "</term></searchClause>";
    }

    private static String modifiers(ModifierList list) {
        if (list == null) {
            return "";
        }
        var out = new StringBuilder("<modifiers>");
        for (Modifier m : List.copyOf(list.getModifierList())) {
            out.append("<modifier><type>").append(esc(m.getName().getName())).append("</type>");
            if (m.getOperator() != null) {
                out.append("<comparison>").append(esc(m.getOperator().getToken())).append("</comparison><value>")
                        .append(esc(unquote(m.getTerm().getValue()))).append("</value>");
            }
            out.append("</modifier>");
        }
        return out.append("</modifiers>").toString();
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
