/*
 * population_java.i (Java only): the population batches of medins/population.h over Java
 * primitive arrays, for org.medins.Population. Included by ../medins.i after the declarations,
 * so that medins_java.i's helpers and array typemaps are defined.
 *
 * Each call takes its input columns as arrays (null: an optional column left out) and writes
 * every figure of every row, as a long, into one long[] block, column after column: the
 * column k of n rows is block[k * n .. k * n + n). The columns' names, in that order, come
 * from medins_java_population_columns, so the layout is written once, here. Statuses go to an
 * int[]. A wrong argument throws before anything is computed; a failed row is data (its
 * status, zeros), its error made by org.medins.Population with the one-row call.
 */

%{
/* One output column of a population call: its name and where its pointer is in the outputs
 * struct, and whether its elements are 4 bytes (int32 or uint32, widened into the block). */
typedef struct medins_java_out_column {
    const char *name;
    size_t offset;
    unsigned char narrow, is_unsigned;
} medins_java_out_column;

/* The length of an array. */
#define MEDINS_JAVA_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* int64_t columns are passed as void pointers: medins_java.i says why. */
#define MEDINS_JAVA_OUT(type, field)                                                         \
    { #field, offsetof(type, field), sizeof(*((type *)0)->field) == 4,                       \
      _Generic(*((type *)0)->field, uint32_t: 1, default: 0) }

static const medins_java_out_column medins_java_contribution_out[] = {
    MEDINS_JAVA_OUT(medins_contribution_outputs, individual),
    MEDINS_JAVA_OUT(medins_contribution_outputs, government),
    MEDINS_JAVA_OUT(medins_contribution_outputs, employer),
    MEDINS_JAVA_OUT(medins_contribution_outputs, total),
    MEDINS_JAVA_OUT(medins_contribution_outputs, subsidy),
    MEDINS_JAVA_OUT(medins_contribution_outputs, paying_tier),
    MEDINS_JAVA_OUT(medins_contribution_outputs, benefit_tier),
    MEDINS_JAVA_OUT(medins_contribution_outputs, group),
    MEDINS_JAVA_OUT(medins_contribution_outputs, state_pays_all),
    MEDINS_JAVA_OUT(medins_contribution_outputs, wage_base),
    MEDINS_JAVA_OUT(medins_contribution_outputs, employer_rate),
    MEDINS_JAVA_OUT(medins_contribution_outputs, individual_rate),
    MEDINS_JAVA_OUT(medins_contribution_outputs, monthly_employer),
    MEDINS_JAVA_OUT(medins_contribution_outputs, monthly_individual),
    MEDINS_JAVA_OUT(medins_contribution_outputs, fixed_yearly),
};
static const medins_java_out_column medins_java_maternity_out[] = {
    MEDINS_JAVA_OUT(medins_maternity_outputs, delivery),
    MEDINS_JAVA_OUT(medins_maternity_outputs, prenatal_limit),
    MEDINS_JAVA_OUT(medins_maternity_outputs, prenatal),
    MEDINS_JAVA_OUT(medins_maternity_outputs, complication_ratio),
    MEDINS_JAVA_OUT(medins_maternity_outputs, complication),
    MEDINS_JAVA_OUT(medins_maternity_outputs, total),
};
static const medins_java_out_column medins_java_capitation_out[] = {
    MEDINS_JAVA_OUT(medins_capitation_outputs, rate),
    MEDINS_JAVA_OUT(medins_capitation_outputs, period),
    MEDINS_JAVA_OUT(medins_capitation_outputs, patients),
    MEDINS_JAVA_OUT(medins_capitation_outputs, patient_days),
    MEDINS_JAVA_OUT(medins_capitation_outputs, budget),
    MEDINS_JAVA_OUT(medins_capitation_outputs, surplus),
    MEDINS_JAVA_OUT(medins_capitation_outputs, overrun),
    MEDINS_JAVA_OUT(medins_capitation_outputs, surplus_kept),
    MEDINS_JAVA_OUT(medins_capitation_outputs, overrun_fund),
    MEDINS_JAVA_OUT(medins_capitation_outputs, before_assessment),
    MEDINS_JAVA_OUT(medins_capitation_outputs, assessment),
    MEDINS_JAVA_OUT(medins_capitation_outputs, payment),
};

/* The output columns of population call `kind` (0 contributions, 1 maternity, 2
 * capitation), and how many. */
static const medins_java_out_column *medins_java_out_columns(int kind, size_t *n)
{
    switch (kind) {
    case 0:
        *n = MEDINS_JAVA_COUNT(medins_java_contribution_out);
        return medins_java_contribution_out;
    case 1:
        *n = MEDINS_JAVA_COUNT(medins_java_maternity_out);
        return medins_java_maternity_out;
    case 2:
        *n = MEDINS_JAVA_COUNT(medins_java_capitation_out);
        return medins_java_capitation_out;
    default:
        *n = 0;
        return NULL;
    }
}

/* The names of the output columns of call `kind`, in the block's order. */
static jobjectArray medins_java_population_columns(JNIEnv *jenv, int kind)
{
    size_t n = 0, i;
    const medins_java_out_column *c = medins_java_out_columns(kind, &n);
    jclass cls = (*jenv)->FindClass(jenv, "java/lang/String");
    jobjectArray names = cls ? (*jenv)->NewObjectArray(jenv, (jsize)n, cls, NULL) : NULL;
    if (!c) {
        medins_java_bad(jenv, "no population call of that kind");
        return NULL;
    }
    for (i = 0; names && i < n; i++) {
        jstring s = (*jenv)->NewStringUTF(jenv, c[i].name);
        if (!s)
            return NULL;
        (*jenv)->SetObjectArrayElement(jenv, names, (jsize)i, s);
        (*jenv)->DeleteLocalRef(jenv, s);
    }
    return names;
}

/*
 * Point the outputs struct `out` of call `kind` at the block (n rows a column), the narrow
 * columns at a scratch of int32 columns, and the status at `status`; *scratch receives the
 * scratch to widen and free (medins_java_outputs_end). 0, or -1 with an exception pending.
 */
static int medins_java_outputs(JNIEnv *jenv, void *out, int kind, size_t n, void *block,
                               size_t block_len, int32_t **scratch)
{
    size_t ncols = 0, i, narrow = 0;
    const medins_java_out_column *c = medins_java_out_columns(kind, &ncols);
    *scratch = NULL;
    if (!block || block_len != ncols * n) {
        medins_java_bad(jenv, "figures block of the wrong length");
        return -1;
    }
    for (i = 0; i < ncols; i++)
        narrow += c[i].narrow;
    if (n && narrow && !(*scratch = calloc(narrow * n, sizeof **scratch))) {
        medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "population figures");
        return -1;
    }
    for (i = 0, narrow = 0; i < ncols; i++) {
        void *column = c[i].narrow ? (void *)(*scratch + narrow++ * n)
                                   : (void *)((char *)block + 8 * i * n);
        memcpy((char *)out + c[i].offset, &column, sizeof column);
    }
    return 0;
}

/* The narrow columns widened into the block, the scratch freed. */
static void medins_java_outputs_end(int kind, size_t n, void *block, int32_t *scratch)
{
    size_t ncols = 0, i, k, narrow = 0;
    const medins_java_out_column *c = medins_java_out_columns(kind, &ncols);
    for (i = 0; scratch && i < ncols; i++) {
        const int32_t *from;
        if (!c[i].narrow)
            continue;
        from = scratch + narrow++ * n;
        for (k = 0; k < n; k++) {
            int64_t v = c[i].is_unsigned ? (int64_t)(uint32_t)from[k] : (int64_t)from[k];
            memcpy((char *)block + 8 * (i * n + k), &v, 8);
        }
    }
    free(scratch);
}

/* Every column of `len` (the rows) or null when optional; -1 with an exception when not. */
static int medins_java_lengths(JNIEnv *jenv, size_t want, const size_t *lens,
                               const void *const *cols, const unsigned char *optional,
                               size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if ((cols[i] || !optional[i]) && lens[i] != want) {
            medins_java_bad(jenv, "population columns of different lengths");
            return -1;
        }
    return 0;
}

/* A call's end: the failed rows' count, or -1 with the call's error thrown (by the err
 * typemap) when the call itself was refused. */
static int32_t medins_java_population_end(int rc, size_t failed, medins_error *e,
                                          medins_error **err)
{
    if (rc == 0 || rc == MEDINS_ERR_BATCH) {
        medins_error_free(e);
        return (int32_t)failed;
    }
    *err = e;
    return -1;
}

static int32_t medins_java_contribution_batch(
    JNIEnv *jenv, const medins_policy *policy, int32_t date,
    const int32_t *scheme, size_t scheme_len, const int32_t *category, size_t category_len,
    const int32_t *tier, size_t tier_len, const int32_t *birth_date, size_t birth_date_len,
    const int32_t *groups, size_t groups_len, const void *monthly_wage, size_t wage_len,
    const int32_t *employer_type, size_t employer_type_len,
    void *figures, size_t figures_len, int32_t *status, size_t status_len,
    medins_error **err)
{
    const void *cols[] = { scheme, category, tier, birth_date, groups, monthly_wage,
                           employer_type, status };
    const size_t lens[] = { scheme_len, category_len, tier_len, birth_date_len, groups_len,
                            wage_len, employer_type_len, status_len };
    static const unsigned char optional[] = { 0, 0, 1, 1, 1, 1, 1, 0 };
    medins_contribution_columns in = MEDINS_CONTRIBUTION_COLUMNS_INIT;
    medins_contribution_outputs out = MEDINS_CONTRIBUTION_OUTPUTS_INIT;
    medins_error *e = NULL;
    int32_t *scratch = NULL;
    size_t failed = 0;
    int rc;
    if (medins_java_lengths(jenv, scheme_len, lens, cols, optional, MEDINS_JAVA_COUNT(lens)) ||
        medins_java_outputs(jenv, &out, 0, scheme_len, figures, figures_len, &scratch))
        return -1;
    in.n = scheme_len;
    in.persons = (medins_person_columns){ scheme, category, tier, birth_date,
                                          (const uint32_t *)groups };
    in.monthly_wage = monthly_wage;
    in.employer_type = employer_type;
    out.status = status;
    rc = medins_contribution_batch(policy, date, &in, &out, &failed, &e);
    medins_java_outputs_end(0, scheme_len, figures, scratch);
    return medins_java_population_end(rc, failed, e, err);
}

static int32_t medins_java_maternity_batch(
    JNIEnv *jenv, const medins_policy *policy,
    const int32_t *scheme, size_t scheme_len, const int32_t *category, size_t category_len,
    const int32_t *tier, size_t tier_len, const int32_t *birth_date, size_t birth_date_len,
    const int32_t *groups, size_t groups_len, const int32_t *date, size_t date_len,
    const int32_t *delivery, size_t delivery_len, const int32_t *weeks, size_t weeks_len,
    const int32_t *child_order, size_t child_order_len,
    const void *prenatal_costs, size_t prenatal_len,
    const void *complication_costs, size_t complication_len,
    void *figures, size_t figures_len, int32_t *status, size_t status_len,
    medins_error **err)
{
    const void *cols[] = { scheme, category, tier, birth_date, groups, date, delivery, weeks,
                           child_order, prenatal_costs, complication_costs, status };
    const size_t lens[] = { scheme_len, category_len, tier_len, birth_date_len, groups_len,
                            date_len, delivery_len, weeks_len, child_order_len, prenatal_len,
                            complication_len, status_len };
    static const unsigned char optional[] = { 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0 };
    medins_maternity_columns in = MEDINS_MATERNITY_COLUMNS_INIT;
    medins_maternity_outputs out = MEDINS_MATERNITY_OUTPUTS_INIT;
    medins_error *e = NULL;
    int32_t *scratch = NULL;
    size_t failed = 0;
    int rc;
    if (medins_java_lengths(jenv, scheme_len, lens, cols, optional, MEDINS_JAVA_COUNT(lens)) ||
        medins_java_outputs(jenv, &out, 1, scheme_len, figures, figures_len, &scratch))
        return -1;
    in.n = scheme_len;
    in.persons = (medins_person_columns){ scheme, category, tier, birth_date,
                                          (const uint32_t *)groups };
    in.date = date;
    in.delivery = delivery;
    in.weeks = weeks;
    in.child_order = child_order;
    in.prenatal_costs = prenatal_costs;
    in.complication_costs = complication_costs;
    out.status = status;
    rc = medins_maternity_batch(policy, &in, &out, &failed, &e);
    medins_java_outputs_end(1, scheme_len, figures, scratch);
    return medins_java_population_end(rc, failed, e, err);
}

static int32_t medins_java_capitation_batch(
    JNIEnv *jenv, const medins_policy *policy,
    const void *institution, size_t institution_len, const int32_t *level, size_t level_len,
    const int32_t *disease, size_t disease_len, const int32_t *from, size_t from_len,
    const int32_t *to, size_t to_len, const void *actual_costs, size_t actual_costs_len,
    const int32_t *assessment, size_t assessment_len,
    const int32_t *enrolment_row, size_t enrolment_row_len, const void *patient,
    size_t patient_len, const int32_t *enrolled_from, size_t enrolled_from_len,
    const int32_t *enrolled_to, size_t enrolled_to_len,
    void *figures, size_t figures_len, int32_t *status, size_t status_len,
    medins_error **err)
{
    const void *rows[] = { institution, level, disease, from, to, actual_costs, assessment,
                           status };
    const size_t rows_lens[] = { institution_len, level_len, disease_len, from_len, to_len,
                                 actual_costs_len, assessment_len, status_len };
    static const unsigned char rows_optional[] = { 1, 0, 0, 0, 0, 0, 1, 0 };
    const void *enrolments[] = { enrolment_row, patient, enrolled_from, enrolled_to };
    const size_t enrolments_lens[] = { enrolment_row_len, patient_len, enrolled_from_len,
                                       enrolled_to_len };
    static const unsigned char enrolments_optional[] = { 0, 0, 0, 1 };
    medins_capitation_columns in = MEDINS_CAPITATION_COLUMNS_INIT;
    medins_capitation_outputs out = MEDINS_CAPITATION_OUTPUTS_INIT;
    medins_error *e = NULL;
    int32_t *scratch = NULL;
    size_t failed = 0;
    int rc;
    if (medins_java_lengths(jenv, level_len, rows_lens, rows, rows_optional,
                            MEDINS_JAVA_COUNT(rows_lens)) ||
        medins_java_lengths(jenv, enrolment_row_len, enrolments_lens, enrolments,
                            enrolments_optional, MEDINS_JAVA_COUNT(enrolments_lens)) ||
        medins_java_outputs(jenv, &out, 2, level_len, figures, figures_len, &scratch))
        return -1;
    in.n = level_len;
    in.institution = institution;
    in.level = level;
    in.disease = disease;
    in.from = from;
    in.to = to;
    in.actual_costs = actual_costs;
    in.assessment = assessment;
    in.m = enrolment_row_len;
    in.enrolment_row = enrolment_row;
    in.patient = patient;
    in.enrolled_from = enrolled_from;
    in.enrolled_to = enrolled_to;
    out.status = status;
    rc = medins_capitation_batch(policy, &in, &out, &failed, &e);
    medins_java_outputs_end(2, level_len, figures, scratch);
    return medins_java_population_end(rc, failed, e, err);
}
%}

%apply (const int32_t *IN_ARRAY, size_t LEN) {
    (const int32_t *scheme, size_t scheme_len), (const int32_t *category, size_t category_len),
    (const int32_t *tier, size_t tier_len), (const int32_t *birth_date, size_t birth_date_len),
    (const int32_t *groups, size_t groups_len),
    (const int32_t *employer_type, size_t employer_type_len),
    (const int32_t *date, size_t date_len), (const int32_t *delivery, size_t delivery_len),
    (const int32_t *weeks, size_t weeks_len),
    (const int32_t *child_order, size_t child_order_len),
    (const int32_t *level, size_t level_len), (const int32_t *disease, size_t disease_len),
    (const int32_t *to, size_t to_len), (const int32_t *assessment, size_t assessment_len),
    (const int32_t *enrolment_row, size_t enrolment_row_len),
    (const int32_t *enrolled_from, size_t enrolled_from_len),
    (const int32_t *enrolled_to, size_t enrolled_to_len)
}
%apply (const int64_t *IN_ARRAY, size_t LEN) {
    (const int64_t *monthly_wage, size_t wage_len),
    (const int64_t *prenatal_costs, size_t prenatal_len),
    (const int64_t *complication_costs, size_t complication_len),
    (const int64_t *institution, size_t institution_len),
    (const int64_t *actual_costs, size_t actual_costs_len),
    (const int64_t *patient, size_t patient_len)
}
%apply (int64_t *OUT_ARRAY, size_t LEN) { (int64_t *figures, size_t figures_len) }
%apply (int32_t *OUT_ARRAY, size_t LEN) { (int32_t *status, size_t status_len) }

jobjectArray medins_java_population_columns(JNIEnv *jenv, int kind);
int32_t medins_java_contribution_batch(
    JNIEnv *jenv, const medins_policy *policy, int32_t date,
    const int32_t *scheme, size_t scheme_len, const int32_t *category, size_t category_len,
    const int32_t *tier, size_t tier_len, const int32_t *birth_date, size_t birth_date_len,
    const int32_t *groups, size_t groups_len, const int64_t *monthly_wage, size_t wage_len,
    const int32_t *employer_type, size_t employer_type_len,
    int64_t *figures, size_t figures_len, int32_t *status, size_t status_len,
    medins_error **err);
int32_t medins_java_maternity_batch(
    JNIEnv *jenv, const medins_policy *policy,
    const int32_t *scheme, size_t scheme_len, const int32_t *category, size_t category_len,
    const int32_t *tier, size_t tier_len, const int32_t *birth_date, size_t birth_date_len,
    const int32_t *groups, size_t groups_len, const int32_t *date, size_t date_len,
    const int32_t *delivery, size_t delivery_len, const int32_t *weeks, size_t weeks_len,
    const int32_t *child_order, size_t child_order_len,
    const int64_t *prenatal_costs, size_t prenatal_len,
    const int64_t *complication_costs, size_t complication_len,
    int64_t *figures, size_t figures_len, int32_t *status, size_t status_len,
    medins_error **err);
int32_t medins_java_capitation_batch(
    JNIEnv *jenv, const medins_policy *policy,
    const int64_t *institution, size_t institution_len, const int32_t *level, size_t level_len,
    const int32_t *disease, size_t disease_len, const int32_t *from, size_t from_len,
    const int32_t *to, size_t to_len, const int64_t *actual_costs, size_t actual_costs_len,
    const int32_t *assessment, size_t assessment_len,
    const int32_t *enrolment_row, size_t enrolment_row_len, const int64_t *patient,
    size_t patient_len, const int32_t *enrolled_from, size_t enrolled_from_len,
    const int32_t *enrolled_to, size_t enrolled_to_len,
    int64_t *figures, size_t figures_len, int32_t *status, size_t status_len,
    medins_error **err);
