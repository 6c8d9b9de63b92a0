/*
 * text.i (Python only): text goes to the library with its length.
 *
 * A str is passed as its UTF-8 bytes and their count, never read up to a NUL: a NUL inside a
 * policy's YAML, an overlay or a ledger's text is the library's error (at its line and
 * column), not the end of the text. The functions below replace, for Python, those of
 * medins.i that measure their text with strlen (python/typemaps.i ignores those).
 */

%{
static medins_fen medins_py_money_parse(const char *text, size_t text_len, medins_error **err)
{
    medins_fen v = 0;
    medins_money_parse_n(&v, text, text_len, err);
    return v;
}

static medins_bp medins_py_ratio_parse(const char *text, size_t text_len, medins_error **err)
{
    medins_bp v = 0;
    medins_ratio_parse_n(&v, text, text_len, err);
    return v;
}
%}

%rename(money_parse) medins_py_money_parse;
%rename(ratio_parse) medins_py_ratio_parse;
/** Yuan text to fen; raises on malformed text. */
medins_fen medins_py_money_parse(const char *text, size_t text_len, medins_error **err);
/** Percentage text to basis points; raises on malformed text or out of 0-100%. */
medins_bp medins_py_ratio_parse(const char *text, size_t text_len, medins_error **err);

%newobject medins_policy::m_load_text;
%newobject medins_policy::m_derive_text;
%newobject medins_ledger::m_from_text_n;
%rename(load_string) medins_policy::m_load_text;
%rename(derive) medins_policy::m_derive_text;
%rename(from_text) medins_ledger::m_from_text_n;
MEDINS_RELEASE_GIL(medins_policy::m_load_text)
MEDINS_RELEASE_GIL(medins_policy::m_derive_text)

%extend medins_policy {
    /** Load from YAML text; `name` stands for the file name in errors and citations. */
    static medins_policy *m_load_text(const char *name, const char *yaml, size_t yaml_len,
                                      const medins_policy_set *bases,
                                      const medins_load_options *opts, medins_error **err) {
        medins_policy *p = NULL;
        medins_policy_load_string(&p, name, yaml, yaml_len, bases, opts, err);
        return p;
    }
    /** A new policy: this one with the YAML overlay applied. */
    medins_policy *m_derive_text(const char *name, const char *yaml, size_t yaml_len,
                                 medins_error **err) {
        medins_policy *p = NULL;
        medins_policy_derive(&p, $self, name, yaml, yaml_len, err);
        return p;
    }
}

%extend medins_ledger {
    /** Parse text written by to_text(). */
    static medins_ledger *m_from_text_n(const char *text, size_t text_len, medins_error **err) {
        medins_ledger tmp, *l;
        if (medins_ledger_parse(&tmp, text, text_len, err) != 0)
            return NULL;
        l = malloc(sizeof *l);
        if (l)
            *l = tmp;
        return l;
    }
}
