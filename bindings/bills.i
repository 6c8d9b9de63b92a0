/*
 * bills.i: itemised bills and the platform's records (medins/bill.h, medins/nhsa.h), for both
 * bindings. A bill is built line by line: a line's code and name, then its fields by the names
 * of medins_item's layout (medins/layout.h), so that no field is named here; the records of a
 * result are read field by field through the layouts of medins_setlinfo, medins_setldetail and
 * medins_item_split, whose names the languages take from the library too.
 */

/* The C behind these: bills_c.i, included by medins.i before the languages. */

%rename(Bill) medins_swig_bill;
typedef struct medins_swig_bill {} medins_swig_bill;
%extend medins_swig_bill {
    medins_swig_bill() { return calloc(1, sizeof(medins_swig_bill)); }
    ~medins_swig_bill() { medins_swig_bill_free($self); }
    /** A new fee line with its code and name (0, or MEDINS_ERR_NOMEM); its fields are set
     * with m_set. */
    int m_add(const char *code, size_t code_len, const char *name, size_t name_len) {
        return medins_swig_bill_add($self, code, code_len, name, name_len);
    }
    /** Field i of medins_item's layout of the last line: 0, -1 (no line, no field i) or -2
     * (the value does not fit the field). */
    int m_set(size_t i, int64_t value) { return medins_swig_bill_set($self, i, value); }
    size_t m_count() { return $self->n; }
}

%newobject medins_policy::m_settle_items;
%extend medins_policy {
    /** Settle an itemised bill; `ledger` is updated on success. flags: SETTLE_NO_TRACE. */
    medins_result *m_settle_items(const medins_person *person, const medins_claim *claim,
                                  const medins_swig_bill *bill, medins_ledger *ledger,
                                  unsigned int flags, medins_error **err) {
        medins_result *r = NULL;
        medins_settle_options opts;
        medins_settle_options_init(&opts);
        opts.flags = flags;
        medins_settle_items(&r, $self, person, claim, bill->items, bill->n, ledger, &opts, err);
        return r;
    }
}

%extend medins_policy {
    /** The platform's insutype and psn_type read by medins_person_from_nhsa: the person's
     * scheme times 256 plus its category. */
    int m_person_from_nhsa(const char *insutype, size_t insutype_len, const char *psn_type,
                           size_t psn_type_len, medins_error **err) {
        medins_person p = MEDINS_PERSON_INIT;
        if (medins_person_from_nhsa(&p, $self, insutype, insutype_len, psn_type, psn_type_len,
                                    err) != 0)
            return -1;
        return (int)p.scheme * 256 + (int)p.category;
    }
    /** The platform's med_type read by medins_claim_from_nhsa: the claim's kind. */
    int m_claim_kind_from_nhsa(const char *med_type, size_t med_type_len, medins_error **err) {
        medins_claim c = MEDINS_CLAIM_INIT;
        if (medins_claim_from_nhsa(&c, $self, med_type, med_type_len, err) != 0)
            return -1;
        return (int)c.kind;
    }
}

%newobject medins_result::m_setl_proc_info;
%extend medins_result {
    /** Field i of the result's setlinfo (medins_setlinfo's layout). */
    int64_t m_setlinfo_field(size_t i, medins_error **err) {
        medins_setlinfo info = MEDINS_SETLINFO_INIT;
        if (medins_result_setlinfo(&info, $self, err) != 0)
            return 0;
        return medins_swig_field(MEDINS_LAYOUT_SETLINFO, &info, i);
    }
    size_t m_setldetail_count() { return medins_result_setldetail_count($self); }
    /** Field i of detail row `row` (medins_setldetail's layout). */
    int64_t m_setldetail_field(size_t row, size_t i, medins_error **err) {
        medins_setldetail d = MEDINS_SETLDETAIL_INIT;
        if (medins_result_setldetail(&d, $self, row, err) != 0)
            return 0;
        return medins_swig_field(MEDINS_LAYOUT_SETLDETAIL, &d, i);
    }
    /** Row `row`'s fund_pay_type (which 0) or fund_pay_type_name (1). */
    const char *m_setldetail_text(size_t row, int which, medins_error **err) {
        medins_setldetail d = MEDINS_SETLDETAIL_INIT;
        if (medins_result_setldetail(&d, $self, row, err) != 0)
            return NULL;
        return which ? d.fund_pay_type_name : d.fund_pay_type;
    }
    /** Row `row`'s setl_proc_info, in Chinese; null past the last row. */
    char *m_setl_proc_info(size_t row) {
        size_t need = 0;
        char *buf;
        if (medins_result_setl_proc_info(NULL, 0, &need, $self, row, MEDINS_LANG_ZH) !=
            MEDINS_ERR_BUFFER)
            return NULL;
        buf = malloc(need);
        if (buf && medins_result_setl_proc_info(buf, need, NULL, $self, row, MEDINS_LANG_ZH)) {
            free(buf);
            buf = NULL;
        }
        return buf;
    }
    size_t m_item_count() { return medins_result_item_count($self); }
    /** Field i of line `line`'s split (medins_item_split's layout). */
    int64_t m_item_field(size_t line, size_t i) {
        const medins_item_split *sp = medins_result_item($self, line);
        return sp ? medins_swig_field(MEDINS_LAYOUT_ITEM_SPLIT, sp, i) : 0;
    }
    /** Line `line`'s code (which 0) or name (1), as given. */
    const char *m_item_text(size_t line, int which) {
        const char *name = NULL;
        const char *code = medins_result_item_code($self, line, NULL, &name, NULL);
        return which ? name : code;
    }
}
