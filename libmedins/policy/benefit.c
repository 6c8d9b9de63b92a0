/*
 * Binding the settlement sections (outpatient ... inpatient, major_disease, assistance) into the
 * model of benefit.h, and the cross-section checks once every section is bound.
 */
#include <string.h>

#include "benefit.h"
#include "bind.h"

/* Selectors every settlement table accepts: `kind` belongs to applies_to only. */
#define BENEFIT_DIMS (MDN_DIM_ALL & ~(unsigned)MDN_DIM_KIND)

static const char *const basis_words[] = {"year", "visit", "admission", NULL};
static const char *const seg_basis_words[] = {"above_deductible", "cost", "fund", NULL};
static const char *const account_first_words[] = {"none", "current", "all", NULL};

/* The claim kind a benefit section settles, or -1 for the layers and other sections. */
static int section_kind(medins_section s)
{
    switch (s) {
    case MEDINS_SECTION_OUTPATIENT: return MEDINS_CLAIM_OUTPATIENT;
    case MEDINS_SECTION_PHARMACY: return MEDINS_CLAIM_PHARMACY;
    case MEDINS_SECTION_OUTPATIENT_POOLING: return MEDINS_CLAIM_POOLING;
    case MEDINS_SECTION_SPECIAL_DISEASE: return MEDINS_CLAIM_SPECIAL_DISEASE;
    case MEDINS_SECTION_INPATIENT: return MEDINS_CLAIM_INPATIENT;
    default: return -1;
    }
}

/* The section that owns each pool (medins_pool order): its deductible and cap stand for the pool. */
static const medins_section pool_owner[MEDINS_POOL_COUNT] = {
    MEDINS_SECTION_OUTPATIENT, MEDINS_SECTION_OUTPATIENT_POOLING, MEDINS_SECTION_INPATIENT,
};

static const char *const rule_suffix[MDN_RULE_COUNT] = {
    "deductible", "thrift_reduction", "ratio", "adjustments", "cap", "account", "carry_over",
    "visit_cap", "deductible_cap", "day_cap", "bed_day_cap",
};

static int make_rules(mdn_binder *b, const char *name, const char **rule)
{
    for (int i = 0; i < MDN_RULE_COUNT; i++)
        if (!(rule[i] = mdn_arena_printf(&b->policy->arena, "%s.%s", name, rule_suffix[i])))
            return mdn_error(b->err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

static struct mdn_benefits *benefits_of(mdn_binder *b)
{
    if (!b->policy->benefits)
        b->policy->benefits = mdn_bind_alloc(b, sizeof(struct mdn_benefits));
    return b->policy->benefits;
}

/* The settlement tables under node[key], with key on the path of any error. */
static int amount_table(mdn_binder *b, const mdn_node *node, const char *key,
                        const mdn_amount *income, mdn_amount_table *out)
{
    mdn_path_push(b, key);
    int rc = mdn_bind_amount_table(b, mdn_map_get(node, key), BENEFIT_DIMS, NULL, income, out);
    mdn_path_pop(b);
    return rc;
}

static int ratio_table(mdn_binder *b, const mdn_node *node, const char *key, mdn_ratio_table *out)
{
    mdn_path_push(b, key);
    int rc = mdn_bind_ratio_table(b, mdn_map_get(node, key), BENEFIT_DIMS, NULL, out);
    mdn_path_pop(b);
    return rc;
}

static int adjust_table(mdn_binder *b, const mdn_node *node, const char *key, mdn_adjust_table *out)
{
    mdn_path_push(b, key);
    int rc = mdn_bind_adjust_table(b, mdn_map_get(node, key), BENEFIT_DIMS, NULL, out);
    mdn_path_pop(b);
    return rc;
}

/*
 * `pool:` a pool word for every scheme, or a mapping from scheme words to pool words, the
 * schemes it leaves out keeping `dflt` (so that one scheme's payments for a kind of care can be
 * kept apart from a maximum that excludes them, while another scheme's stay within it).
 */
static int bind_pool(mdn_binder *b, const mdn_node *node, int dflt, int *pool)
{
    const mdn_node *map = mdn_map_get(node, "pool");
    int rc = 0;
    for (int i = 0; i < MEDINS_SCHEME_COUNT; i++)
        pool[i] = dflt;
    if (!map || map->type != MDN_MAP) {
        if ((rc = mdn_bind_word(b, node, "pool", false, mdn_pool_words, &pool[0])) < 0)
            return rc;
        for (int i = 1; i < MEDINS_SCHEME_COUNT; i++)
            pool[i] = pool[0];
        return 0;
    }
    mdn_path_push(b, "pool");
    /* Row ids do not apply here: only scheme words are keys. */
    if (mdn_map_get(map, "id"))
        rc = mdn_bind_error(b, mdn_map_get(map, "id"), MEDINS_ERR_UNKNOWN_KEY,
                            "unknown key \"id\" (a scheme word is expected)");
    if (rc == 0)
        rc = mdn_bind_keys(b, map, 0, mdn_scheme_words);
    for (int i = 0; rc == 0 && i < MEDINS_SCHEME_COUNT; i++)
        rc = mdn_bind_word(b, map, mdn_scheme_words[i], false, mdn_pool_words, &pool[i]);
    mdn_path_pop(b);
    return rc;
}

/* The text of map[key], a scalar of 1 to `max` bytes each of `set` (NULL: a-z, 0-9 and _),
 * into the policy's arena; `what` says what it must be. Required. */
static int text_of(mdn_binder *b, const mdn_node *map, const char *key, const char *set,
                   size_t max, const char *what, const char **out)
{
    int rc = mdn_bind_require(b, map, key);
    if (rc < 0)
        return rc;
    const mdn_node *n = mdn_map_get(map, key);
    if (n->type != MDN_SCALAR)
        return mdn_bind_error(b, n, MEDINS_ERR_TYPE, "%s: expected a scalar", key);
    bool ok = n->len > 0 && n->len <= max;
    for (size_t i = 0; ok && i < n->len; i++) {
        const char c = n->text[i];
        ok = set ? strchr(set, c) != NULL && c != '\0'
                 : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (!ok)
        return mdn_bind_error(b, n, set ? MEDINS_ERR_SYNTAX : MEDINS_ERR_TYPE,
                              "%s: \"%s\" is not %s", key, n->text, what);
    if (!(*out = mdn_arena_strdup(&b->policy->arena, n->text)))
        return mdn_error(b->err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return 0;
}

/*
 * A section's supplementary fund (`supplementary:`): its name, its fund_pay_type, where it
 * starts, its ratio (one a row) and its maximum. Absent: none.
 */
static int bind_supplementary(mdn_binder *b, mdn_benefit *s, const mdn_node *node)
{
    static const char *const keys[] = {"fund", "fund_pay_type", "start", "ratio", "cap", NULL};
    mdn_supplementary *u = &s->supp;
    const mdn_node *map = mdn_map_get(node, "supplementary");
    if (!map || map->type == MDN_NULL)
        return 0;
    mdn_path_push(b, "supplementary");
    int rc;
    if ((rc = mdn_bind_keys(b, map, 0, keys)) < 0 ||
        (rc = text_of(b, map, "fund", NULL, 64, "a fund's name (a-z, 0-9 and _)",
                      &u->fund)) < 0 ||
        (rc = text_of(b, map, "fund_pay_type", "0123456789", 6,
                      "a fund_pay_type code (six digits)", &u->fund_pay_type)) < 0 ||
        (rc = mdn_bind_require(b, map, "ratio")) < 0 ||
        (rc = amount_table(b, map, "start", NULL, &u->start)) < 0 ||
        (rc = ratio_table(b, map, "ratio", &u->ratio)) < 0 ||
        (rc = amount_table(b, map, "cap", NULL, &u->cap)) < 0)
        goto out;
    if (strlen(u->fund_pay_type) != 6) {
        rc = mdn_bind_error(b, mdn_map_get(map, "fund_pay_type"), MEDINS_ERR_SYNTAX,
                            "fund_pay_type: \"%s\" is not a fund_pay_type code (six digits)",
                            u->fund_pay_type);
        goto out;
    }
    /* It pays one ratio on the cost it takes: its bands would need a running total of their
     * own. */
    for (size_t i = 0; i < u->ratio.n; i++)
        if (u->ratio.rows[i].n != 1) {
            const mdn_node *row = mdn_map_get(map, "ratio")->items[i];
            rc = mdn_bind_error(b, mdn_map_get(row, "segments"), MEDINS_ERR_SEGMENTS,
                                "a supplementary fund pays one ratio: write ratio: instead "
                                "of segments:");
            goto out;
        }
    u->rule_start = mdn_arena_printf(&b->policy->arena, "%s.supplementary.start", s->name);
    u->rule_ratio = mdn_arena_printf(&b->policy->arena, "%s.supplementary.ratio", s->name);
    u->rule_cap = mdn_arena_printf(&b->policy->arena, "%s.supplementary.cap", s->name);
    if (!u->rule_start || !u->rule_ratio || !u->rule_cap)
        rc = mdn_error(b->err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    u->present = rc == 0;
out:
    mdn_path_pop(b);
    return rc;
}

static int bind_section(mdn_binder *b, mdn_benefit *s, int kind, const mdn_node *node)
{
    static const char *const common[] = {"pool", "deductible_basis", "deductible",
                                         "thrift_reduction", "ratio", "adjustments", "cap",
                                         "account", "account_category_b", "segment_basis",
                                         "supplementary", "visit_cap", "deductible_cap",
                                         "day_cap", "bed_day_cap", "account_first", NULL};
    static const char *const outpatient[] = {"pool", "deductible_basis", "deductible",
                                             "thrift_reduction", "ratio", "adjustments", "cap",
                                             "account", "account_category_b", "segment_basis",
                                             "supplementary", "visit_cap", "deductible_cap",
                                             "day_cap", "bed_day_cap", "account_first", "thrift",
                                             NULL};
    static const char *const inpatient[] = {"pool", "deductible_basis", "deductible",
                                            "thrift_reduction", "ratio", "adjustments", "cap",
                                            "account", "account_category_b", "segment_basis",
                                            "supplementary", "visit_cap", "deductible_cap",
                                            "day_cap", "bed_day_cap", "account_first",
                                            "carry_over", NULL};
    const char *const *keys = kind == MEDINS_CLAIM_OUTPATIENT ? outpatient
                            : kind == MEDINS_CLAIM_INPATIENT ? inpatient : common;
    int rc;

    if ((rc = mdn_bind_keys(b, node, 0, keys)) < 0 || (rc = mdn_bind_require(b, node, "ratio")) < 0)
        return rc;

    /* Defaults from the table in docs/policy-format.md, "Benefit sections". */
    int pool;
    switch (kind) {
    case MEDINS_CLAIM_OUTPATIENT:
    case MEDINS_CLAIM_PHARMACY:
        pool = MEDINS_POOL_OUTPATIENT; s->basis = MDN_BASIS_YEAR; break;
    case MEDINS_CLAIM_POOLING:
        pool = MEDINS_POOL_POOLING; s->basis = MDN_BASIS_VISIT; break;
    case MEDINS_CLAIM_SPECIAL_DISEASE:
        pool = MEDINS_POOL_INPATIENT; s->basis = MDN_BASIS_YEAR; break;
    default:
        pool = MEDINS_POOL_INPATIENT; s->basis = MDN_BASIS_ADMISSION; break;
    }
    if ((rc = bind_pool(b, node, pool, s->pool)) < 0 ||
        (rc = mdn_bind_word(b, node, "deductible_basis", false, basis_words, &s->basis)) < 0 ||
        (rc = mdn_bind_word(b, node, "segment_basis", false, seg_basis_words,
                            &s->seg_basis)) < 0 ||
        (rc = mdn_bind_word(b, node, "account_first", false, account_first_words,
                            &s->account_first)) < 0)
        return rc;

    s->has_deductible = mdn_map_get(node, "deductible") != NULL;
    s->has_cap = mdn_map_get(node, "cap") != NULL;

    if ((rc = amount_table(b, node, "deductible", NULL, &s->deductible)) < 0 ||
        (rc = amount_table(b, node, "thrift_reduction", NULL, &s->thrift_reduction)) < 0 ||
        (rc = ratio_table(b, node, "ratio", &s->ratio)) < 0 ||
        (rc = adjust_table(b, node, "adjustments", &s->adjustments)) < 0 ||
        (rc = amount_table(b, node, "cap", NULL, &s->cap)) < 0 ||
        (rc = amount_table(b, node, "visit_cap", NULL, &s->visit_cap)) < 0 ||
        (rc = amount_table(b, node, "deductible_cap", NULL, &s->deductible_cap)) < 0 ||
        (rc = amount_table(b, node, "day_cap", NULL, &s->day_cap)) < 0 ||
        (rc = amount_table(b, node, "bed_day_cap", NULL, &s->bed_day_cap)) < 0)
        return rc;

    if ((rc = mdn_bind_flag(b, node, "account", &s->account_val, &s->account)) < 0 ||
        (rc = mdn_bind_flag(b, node, "account_category_b", &s->account_category_b_val,
                            &s->account_category_b)) < 0)
        return rc;
    /* Whether the account may pay the category-B share says nothing where it pays nothing. */
    if (s->account_category_b && !s->account)
        return mdn_bind_error(b, mdn_map_get(node, "account_category_b"), MEDINS_ERR_RANGE,
                             "account_category_b: true needs account: true (the individual "
                             "account pays nothing in this section)");
    if ((rc = bind_supplementary(b, s, node)) < 0)
        return rc;
    if (kind == MEDINS_CLAIM_OUTPATIENT &&
        (rc = mdn_bind_flag(b, node, "thrift", &s->thrift_val, &s->thrift)) < 0)
        return rc;
    if (kind == MEDINS_CLAIM_INPATIENT &&
        (rc = mdn_bind_flag(b, node, "carry_over", &s->carry_over_val, &s->carry_over)) < 0)
        return rc;
    return 0;
}

static int bind_layer(mdn_binder *b, mdn_layer *l, const mdn_node *node)
{
    static const char *const keys[] = {"applies_to", "deductible", "reference_income", "ratio",
                                       "adjustments", "cap", NULL};
    int rc;

    if ((rc = mdn_bind_keys(b, node, 0, keys)) < 0 || (rc = mdn_bind_require(b, node, "ratio")) < 0)
        return rc;
    l->applies_to = (1u << MEDINS_CLAIM_INPATIENT) | (1u << MEDINS_CLAIM_SPECIAL_DISEASE);
    if ((rc = mdn_bind_word_mask(b, node, "applies_to", mdn_kind_words, &l->applies_to)) < 0)
        return rc;
    if ((rc = mdn_bind_amount(b, node, "reference_income", false, &l->reference_income)) < 0)
        return rc;

    if ((rc = amount_table(b, node, "deductible", &l->reference_income, &l->deductible)) < 0 ||
        (rc = ratio_table(b, node, "ratio", &l->ratio)) < 0 ||
        (rc = adjust_table(b, node, "adjustments", &l->adjustments)) < 0)
        return rc;
    return amount_table(b, node, "cap", NULL, &l->cap);
}

int mdn_bind_benefit(mdn_binder *b, medins_section section, const mdn_node *node)
{
    struct mdn_benefits *bs = benefits_of(b);
    int kind = section_kind(section);
    int rc;

    if (!bs)
        return MEDINS_ERR_NOMEM;
    if (kind >= 0) {
        mdn_benefit *s = &bs->sec[kind];
        memset(s, 0, sizeof *s);
        s->name = medins_section_name(section);
        s->node = node;
        if ((rc = make_rules(b, s->name, s->rule)) < 0 || (rc = bind_section(b, s, kind, node)) < 0)
            return rc;
        s->present = true;
        return 0;
    }
    mdn_layer *l = section == MEDINS_SECTION_MAJOR_DISEASE ? &bs->major
                 : section == MEDINS_SECTION_ASSISTANCE ? &bs->assistance : NULL;
    if (!l)
        return mdn_bind_error(b, node, MEDINS_ERR_ARGUMENT, "section %s is not a benefit section",
                              medins_section_name(section));
    memset(l, 0, sizeof *l);
    l->name = medins_section_name(section);
    if ((rc = make_rules(b, l->name, l->rule)) < 0 || (rc = bind_layer(b, l, node)) < 0)
        return rc;
    l->present = true;
    return 0;
}

int medins_policy_supplementary(const medins_policy *p, int kind, const char **fund,
                                const char **fund_pay_type)
{
    const mdn_benefit *s = mdn_benefit_for(p, (medins_claim_kind)kind);
    const mdn_supplementary *u = s && s->supp.present ? &s->supp : NULL;
    if (fund)
        *fund = u ? u->fund : NULL;
    if (fund_pay_type)
        *fund_pay_type = u ? u->fund_pay_type : NULL;
    return u != NULL;
}

/* ---- Row indexes (select.h, mdn_index) ----------------------------------------------------- */

/* A bound a selector compares against (mdn_cuts, kept ascending; negative: no bound). */
static void note_cut(mdn_cuts *c, int64_t v)
{
    if (v < 0 || c->n < 0)
        return;
    int i = 0;
    while (i < c->n && c->at[i] < v)
        i++;
    if (i < c->n && c->at[i] == v)
        return;
    if (c->n == MDN_CUTS) {
        c->n = -1;
        return;
    }
    memmove(&c->at[i + 1], &c->at[i], (size_t)(c->n - i) * sizeof c->at[0]);
    c->at[i] = v;
    c->n++;
}

/*
 * Rows of every table type start with their selector. Each bit is decided by mdn_select_match
 * itself, on a copy of the row's selector keeping only the dimensions of that key, so the index
 * cannot disagree with a scan.
 */
static int index_rows(mdn_binder *b, const void *rows, size_t size, size_t n,
                      const mdn_index **out)
{
    *out = NULL;
    /* The bounds of every row, in an indexed table or not: the batch tells profiles apart by
     * them, and a bound left out would give persons on both sides of it one plan. */
    struct mdn_benefits *bs = b->policy->benefits;
    for (size_t i = 0; i < n; i++) {
        const mdn_select *sel = (const mdn_select *)(const void *)((const char *)rows + i * size);
        note_cut(&bs->age, sel->age_min.v);
        note_cut(&bs->age, sel->age_max.v);
        note_cut(&bs->thrift, sel->thrifty_years.v);
        note_cut(&bs->prior, sel->prior_outpatient_max.v);
    }
    if (n == 0 || n > MDN_INDEX_ROWS)
        return 0;
    mdn_index *ix = mdn_bind_alloc(b, sizeof *ix);
    if (!ix)
        return MEDINS_ERR_NOMEM;
    memset(ix, 0, sizeof *ix);
    /* A selector that accepts everyone (model.h: zero masks, negative bounds). */
    const mdn_select any = {.age_min.v = -1, .age_max.v = -1, .thrifty_years.v = -1,
                            .prior_outpatient_max.v = -1};
    for (size_t i = 0; i < n; i++) {
        const mdn_select *sel = (const mdn_select *)(const void *)((const char *)rows + i * size);
        const uint64_t bit = (uint64_t)1 << i;
        mdn_select ps = any, cs = any;
        ps.schemes = sel->schemes;
        ps.categories = sel->categories;
        ps.tiers = sel->tiers;
        cs.levels = sel->levels;
        cs.kinds = sel->kinds;
        cs.admission = sel->admission;
        cs.family_doctor = sel->family_doctor;
        mdn_ctx ctx;
        memset(&ctx, 0, sizeof ctx);
        for (ctx.scheme = 0; ctx.scheme < MEDINS_SCHEME_COUNT; ctx.scheme++)
            for (ctx.category = 0; ctx.category < MEDINS_CATEGORY_COUNT; ctx.category++)
                for (ctx.tier = 0; ctx.tier < MEDINS_TIER_COUNT; ctx.tier++)
                    if (mdn_select_match(&ps, &ctx))
                        ix->person[mdn_index_person_key(ctx.scheme, ctx.category, ctx.tier)] |= bit;
        for (ctx.kind = 0; ctx.kind < MEDINS_CLAIM_KIND_COUNT; ctx.kind++)
            for (ctx.level = 0; ctx.level < MEDINS_LEVEL_COUNT; ctx.level++)
                for (ctx.admission = 0; ctx.admission < 4; ctx.admission++)
                    for (ctx.at_family_doctor = 0; ctx.at_family_doctor < 2; ctx.at_family_doctor++)
                        if (mdn_select_match(&cs, &ctx))
                            ix->claim[mdn_index_claim_key(ctx.kind, ctx.level, ctx.admission,
                                                          ctx.at_family_doctor)] |= bit;
        /* The selectors of mdn_select_rest_match, which neither key covers. */
        if (sel->groups || sel->age_min.v >= 0 || sel->age_max.v >= 0 ||
            sel->thrifty_years.v >= 0 || sel->prior_outpatient_max.v >= 0 || sel->attrs_all ||
            sel->attrs_none || sel->needs || sel->cohorts_all || sel->cohorts_none)
            ix->rest |= bit;
    }
    *out = ix;
    return 0;
}

#define INDEX(b, t, out) index_rows((b), (t)->rows, sizeof *(t)->rows, (t)->n, (out))

static int index_tables(mdn_binder *b, mdn_indexes *ix, const mdn_amount_table *ded,
                        const mdn_amount_table *thrift, const mdn_ratio_table *ratio,
                        const mdn_adjust_table *adj, const mdn_amount_table *cap)
{
    int rc;
    if ((rc = INDEX(b, ded, &ix->deductible)) < 0 ||
        (thrift && (rc = INDEX(b, thrift, &ix->thrift_reduction)) < 0) ||
        (rc = INDEX(b, ratio, &ix->ratio)) < 0 || (rc = INDEX(b, adj, &ix->adjustments)) < 0 ||
        (rc = INDEX(b, cap, &ix->cap)) < 0)
        return rc;
    return 0;
}

/*
 * A section that writes no deductible or cap of its own shares its pool owner's, and so its
 * owner must be in the policy: without this check pharmacy claims of a policy that dropped the
 * outpatient section would silently lose their deductible and annual maximum.
 */
int mdn_benefits_finish(mdn_binder *b)
{
    struct mdn_benefits *bs = b->policy->benefits;
    if (!bs)
        return 0;
    for (int k = 0; k < MEDINS_CLAIM_KIND_COUNT; k++) {
        mdn_benefit *s = &bs->sec[k];
        if (!s->present)
            continue;
        const int pool = s->pool[0];
        const mdn_benefit *owner = &bs->sec[section_kind(pool_owner[pool])];
        /* The pool owner's tables stand for one pool: a section in a pool by scheme has its own. */
        bool by_scheme = false;
        for (int i = 1; i < MEDINS_SCHEME_COUNT; i++)
            by_scheme |= s->pool[i] != pool;
        if ((!s->has_deductible || !s->has_cap) && by_scheme)
            return mdn_bind_error(b, mdn_map_get(s->node, "pool"), MEDINS_ERR_MISSING,
                                  "section %s is in a pool by scheme, and so needs a deductible "
                                  "and a cap of its own", s->name);
        if ((!s->has_deductible || !s->has_cap) && owner != s && !owner->present)
            return mdn_bind_error(b, s->node, MEDINS_ERR_MISSING,
                                  "section %s shares the %s pool, whose owner section %s is absent",
                                  s->name, mdn_pool_words[pool], medins_section_name(pool_owner[pool]));
        const mdn_benefit *d = s->has_deductible ? s : owner->has_deductible ? owner : NULL;
        s->ded_owner = d;
        s->ded_table = d ? &d->deductible : NULL;
        s->thrift_table = d ? &d->thrift_reduction : NULL;
        const mdn_benefit *c = s->has_cap ? s : owner->has_cap ? owner : NULL;
        s->cap_owner = c;
        s->cap_table = c ? &c->cap : NULL;
    }
    for (int k = 0; k < MEDINS_CLAIM_KIND_COUNT; k++) {
        mdn_benefit *s = &bs->sec[k];
        int rc;
        if (s->present && (rc = index_tables(b, &s->ix, &s->deductible, &s->thrift_reduction,
                                             &s->ratio, &s->adjustments, &s->cap)) < 0)
            return rc;
        bs->extra |= s->present && (s->seg_basis != MDN_SEG_ABOVE_DEDUCTIBLE || s->supp.present ||
                                    s->visit_cap.n > 0 || s->deductible_cap.n > 0 ||
                                    s->day_cap.n > 0 || s->bed_day_cap.n > 0 ||
                                    s->account_first != MDN_ACCOUNT_FIRST_NONE);
        if (s->present && ((rc = INDEX(b, &s->visit_cap, &s->ix.visit_cap)) < 0 ||
                           (rc = INDEX(b, &s->deductible_cap, &s->ix.deductible_cap)) < 0 ||
                           (rc = INDEX(b, &s->day_cap, &s->ix.day_cap)) < 0 ||
                           (rc = INDEX(b, &s->bed_day_cap, &s->ix.bed_day_cap)) < 0))
            return rc;
        mdn_supplementary *u = &s->supp;
        if (u->present && ((rc = INDEX(b, &u->start, &u->ix.deductible)) < 0 ||
                           (rc = INDEX(b, &u->ratio, &u->ix.ratio)) < 0 ||
                           (rc = INDEX(b, &u->cap, &u->ix.cap)) < 0))
            return rc;
    }
    mdn_layer *layers[] = {&bs->major, &bs->assistance};
    for (size_t i = 0; i < 2; i++) {
        int rc;
        if (layers[i]->present &&
            (rc = index_tables(b, &layers[i]->ix, &layers[i]->deductible, NULL, &layers[i]->ratio,
                               &layers[i]->adjustments, &layers[i]->cap)) < 0)
            return rc;
    }
    return 0;
}
