/*
 * The message catalogue: one template for each kind of step in each language (the fields in
 * braces are described in catalogue.h), and the words of the enums the templates name.
 */
#include "catalogue.h"

static const char *const messages[MEDINS_STEP_KIND_COUNT][MEDINS_LANG_COUNT] = {
    [MEDINS_STEP_SELF_PAID] = {
        "Items outside the catalogue, paid in full by the patient: {amount}",
        "目录外项目（自费），由个人全额负担：{amount}元",
    },
    [MEDINS_STEP_CATEGORY_B] = {
        "Category-B first self-pay, paid by the patient: {amount}",
        "乙类先行自付，由个人负担：{amount}元",
    },
    [MEDINS_STEP_ADMISSION] = {
        "Admission number {admission} this year",
        "本年度第{admission}次住院",
    },
    [MEDINS_STEP_THRIFT] = {
        "Deductible {deductible} lowered by {reduction} after {years} thrifty year(s)",
        "连续{years}年节约就医，起付线{deductible}元降低{reduction}元",
    },
    [MEDINS_STEP_DEDUCTIBLE] = {
        "Annual deductible {deductible}, of which {before} was borne before this claim: "
        "the patient pays {amount}",
        "年度起付线{deductible}元，本次结算前已负担{before}元，本次个人负担{amount}元",
    },
    [MEDINS_STEP_DEDUCTIBLE_VISIT] = {
        "Deductible of this visit {deductible}: the patient pays {amount}",
        "本次就诊起付线{deductible}元，个人负担{amount}元",
    },
    [MEDINS_STEP_DEDUCTIBLE_ADMISSION] = {
        "Deductible of this admission {deductible}: the patient pays {amount}",
        "本次住院起付线{deductible}元，个人负担{amount}元",
    },
    [MEDINS_STEP_ADJUSTMENT] = {
        "Adjustment {+ratio} to the ratio of every segment",
        "各共付段支付比例调整{+ratio}",
    },
    [MEDINS_STEP_SEGMENT] = {
        "The fund pays {ratio} of {base} in the segment {open?above {from}|{from} to {to}}"
        "{on_cost? of the year's in-scope cost}{on_fund? of the fund's payments this year}"
        "{cut? (cut by the annual maximum)}",
        "统筹基金支付{open?{from}元以上|{from}元至{to}元}{on_cost?（按年度累计医疗费用）}"
        "{on_fund?（按统筹基金年度累计支付）}共付段内{base}元的{ratio}{cut?（受年度封顶线限制）}",
    },
    [MEDINS_STEP_COINSURANCE] = {
        "The patient pays {ratio} of {base} in this segment",
        "该共付段内{base}元中个人自付{ratio}",
    },
    [MEDINS_STEP_CAP] = {
        "Annual maximum {amount}; fund paid before this claim {before}",
        "年度封顶线{amount}元，本次结算前统筹基金已支付{before}元",
    },
    [MEDINS_STEP_CARRY_OVER] = {
        "Annual maximum {maximum} + carried-over outpatient maximum {base} = effective "
        "inpatient maximum {amount}; fund paid before this claim {before}",
        "年度封顶线{maximum}元＋结转的门诊未用封顶额度{base}元＝本次适用的住院封顶线{amount}元，"
        "本次结算前统筹基金已支付{before}元",
    },
    [MEDINS_STEP_OVER_CAP] = {
        "Withheld by {visit?the maximum of a claim|{bed_day?the maximum of the claim's "
        "bed-days|{day?the maximum of a day|{supplementary?the supplementary fund's start|the "
        "annual maximum}}}} {maximum}, paid by the patient: {amount}",
        "超过{visit?单次最高支付限额|{bed_day?床日最高支付限额|{day?日最高支付限额|"
        "{supplementary?补充基金起付点|年度封顶线}}}}{maximum}元的部分由个人负担：{amount}元",
    },
    [MEDINS_STEP_MAJOR_DISEASE_NO_ROW] = {
        "No row of the major-disease layer applies to this person: it pays nothing",
        "大病保险没有适用于本人的待遇，不予支付",
    },
    [MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE] = {
        "Annual deductible of the major-disease layer {deductible} on the year's burden "
        "({before} before this claim, {base} added)",
        "大病保险年度起付线{deductible}元，按年度累计个人负担计算"
        "（本次结算前{before}元，本次增加{base}元）",
    },
    [MEDINS_STEP_MAJOR_DISEASE] = {
        "The major-disease layer pays {ratio} of {base} in the segment "
        "{open?above {from}|{from} to {to}}{cut? (cut by the annual maximum)}",
        "大病保险支付{open?{from}元以上|{from}元至{to}元}段内{base}元的{ratio}"
        "{cut?（受年度最高支付限额限制）}",
    },
    [MEDINS_STEP_MAJOR_DISEASE_CAP] = {
        "Annual maximum of the major-disease layer: {amount}, {base} used before this claim"
        "{reached?: reached}",
        "大病保险年度最高支付限额{amount}元，本次结算前已支付{base}元{reached?，已达限额}",
    },
    [MEDINS_STEP_ASSISTANCE_NO_ROW] = {
        "No row of medical assistance applies to this person: it pays nothing",
        "医疗救助没有适用于本人的待遇，不予支付",
    },
    [MEDINS_STEP_ASSISTANCE_DEDUCTIBLE] = {
        "Annual deductible of medical assistance {deductible} on the year's burden "
        "({before} before this claim, {base} added)",
        "医疗救助年度起付线{deductible}元，按年度累计个人负担计算"
        "（本次结算前{before}元，本次增加{base}元）",
    },
    [MEDINS_STEP_ASSISTANCE] = {
        "Medical assistance pays {ratio} of {base} in the segment "
        "{open?above {from}|{from} to {to}}{cut? (cut by the annual maximum)}",
        "医疗救助支付{open?{from}元以上|{from}元至{to}元}段内{base}元的{ratio}"
        "{cut?（受年度最高支付限额限制）}",
    },
    [MEDINS_STEP_ASSISTANCE_CAP] = {
        "Annual maximum of medical assistance: {amount}, {base} used before this claim"
        "{reached?: reached}",
        "医疗救助年度最高支付限额{amount}元，本次结算前已支付{base}元{reached?，已达限额}",
    },
    [MEDINS_STEP_PATIENT] = {
        "The patient pays {amount}: self-paid {self_paid} + category B {category_b} + "
        "deductible {deductible} + coinsurance {coinsurance} + over the maximum {over_cap} - "
        "{supplementary?supplementary fund {supplementary} - }major disease {major_disease} - "
        "assistance {assistance}",
        "个人负担{amount}元：自费{self_paid}元＋乙类先行自付{category_b}元＋起付线{deductible}元"
        "＋个人自付{coinsurance}元＋超封顶线{over_cap}元{supplementary?－补充基金{supplementary}元}"
        "－大病保险{major_disease}元－医疗救助{assistance}元",
    },
    [MEDINS_STEP_ACCOUNT] = {
        "Paid from the individual account: {amount} of the in-scope burden "
        "{category_b?and category-B first self-pay |}{base} (balance {balance})",
        "个人账户支付{amount}元（政策范围内个人负担{category_b?及乙类先行自付|}{base}元，"
        "账户余额{balance}元）",
    },
    [MEDINS_STEP_BENEFIT_TIER] = {
        "A {category} resident pays at the {pays?{pays}|chosen} tier and receives "
        "{benefits}-tier benefits",
        "{category}按{pays?{pays}|所选档次}缴费，享受{benefits}待遇",
    },
    [MEDINS_STEP_GROUP_STATE_SHARE] = {
        "As {group}, financed at the {financed} tier, whose individual share of {amount} yuan "
        "the government pays; the {tier?{tier}|category's} tier chosen is kept, the person "
        "paying the rest of its share",
        "属{group}人群，按{financed}筹资，其个人缴费{amount}元由政府代缴；"
        "保留所选的{tier?{tier}|本类别档次}，个人缴纳其余部分",
    },
    [MEDINS_STEP_GROUP_FINANCED] = {
        "As {group}, financed at the {tier?{tier}|category's} tier"
        "{state_pays?, the government paying in full}",
        "属{group}人群，按{tier?{tier}|本类别档次}筹资{state_pays?，个人缴费由政府全额补助}",
    },
    [MEDINS_STEP_RESIDENT_INDIVIDUAL] = {
        "Individual contribution at the {tier?{tier}|category's} tier"
        "{state_paid?, {amount} yuan, paid by the government|: {amount} yuan}",
        "{tier?{tier}|本类别档次}个人缴费{amount}元{state_paid?，由政府代缴}",
    },
    [MEDINS_STEP_RESIDENT_STATE_PAID] = {
        "Of it paid by the government: the {financed} tier's individual share, {amount} yuan",
        "其中由政府代缴{financed}的个人缴费：{amount}元",
    },
    [MEDINS_STEP_RESIDENT_SUBSIDY] = {
        "Government subsidy at the {tier?{tier}|category's} tier: {amount} yuan",
        "{tier?{tier}|本类别档次}政府补助：{amount}元",
    },
    [MEDINS_STEP_RESIDENT_TOTAL] = {
        "Total {amount} yuan: the person pays {individual}, the government {government}",
        "筹资合计{amount}元：个人缴纳{individual}元，政府负担{government}元",
    },
    [MEDINS_STEP_WAGE_FLOOR] = {
        "Monthly wage {base} yuan raised to the base floor {amount} yuan",
        "月工资{base}元低于缴费基数下限，按下限{amount}元计算",
    },
    [MEDINS_STEP_WAGE_CEILING] = {
        "Monthly wage {base} yuan lowered to the base ceiling {amount} yuan",
        "月工资{base}元高于缴费基数上限，按上限{amount}元计算",
    },
    [MEDINS_STEP_EMPLOYER_SHARE] = {
        "Employer ({employer_type}): {ratio} of {base} yuan = {amount} yuan a month",
        "单位（{employer_type}）缴费：缴费基数{base}元的{ratio}，每月{amount}元",
    },
    [MEDINS_STEP_EMPLOYEE_SHARE] = {
        "Individual: {ratio} of {base} yuan = {amount} yuan a month",
        "个人缴费：缴费基数{base}元的{ratio}，每月{amount}元",
    },
    [MEDINS_STEP_FIXED_YEARLY] = {
        "Individual's fixed yearly amount: {amount} yuan",
        "个人每年定额缴费：{amount}元",
    },
    [MEDINS_STEP_EMPLOYEE_TOTAL] = {
        "Yearly: employer {employer} yuan, individual {individual} yuan",
        "全年：单位缴费{employer}元，个人缴费{individual}元",
    },
    [MEDINS_STEP_ACCOUNT_FROM_INDIVIDUAL] = {
        "{ratio} of the individual's {base} yuan a month to the account: {amount} yuan",
        "个人每月缴费{base}元的{ratio}划入个人账户：{amount}元",
    },
    [MEDINS_STEP_ACCOUNT_FROM_EMPLOYER] = {
        "{ratio} of the employer's {base} yuan a month to the account: {amount} yuan",
        "单位每月缴费{base}元的{ratio}划入个人账户：{amount}元",
    },
    [MEDINS_STEP_ACCOUNT_TO_POOL] = {
        "To the pooled fund: {amount} yuan a month",
        "每月计入统筹基金：{amount}元",
    },
    [MEDINS_STEP_ACCOUNT_RETIREE] = {
        "{ratio} of last year's average monthly pension {base} yuan, from the pooled fund: "
        "{amount} yuan a month",
        "按上年度月平均基本养老金{base}元的{ratio}由统筹基金划入个人账户：每月{amount}元",
    },
    [MEDINS_STEP_ACCOUNT_CARD] = {
        "{ratio} of the monthly credit {base} yuan goes to the social-security card: "
        "{amount} yuan",
        "每月划入额{base}元的{ratio}划入社会保障卡：{amount}元",
    },
    [MEDINS_STEP_ACCOUNT_WITHDRAW] = {
        "The balance {may?may|may not} be withdrawn: "
        "{serious?serious illness|no serious illness}, year's costs {amount} yuan against "
        "{base} yuan",
        "个人账户余额{may?可以|不可}一次性支取：{serious?患重大疾病|未患重大疾病}，"
        "本年度医疗费用{amount}元，支取标准{base}元",
    },
    [MEDINS_STEP_CHILD_ORDER] = {
        "Child {child} is covered: births up to child {max} are",
        "第{child}孩在保障范围内：政策保障至第{max}孩",
    },
    [MEDINS_STEP_DELIVERY] = {
        "Flat payment for a {delivery} delivery ({scheme} scheme): {amount} yuan",
        "{scheme}{delivery}生育医疗费用定额支付：{amount}元",
    },
    [MEDINS_STEP_PRENATAL] = {
        "Prenatal care at {weeks} weeks: costs {base} yuan paid up to the limit {limit} yuan: "
        "{amount} yuan",
        "孕{weeks}周产前检查费用{base}元，在限额{limit}元内支付：{amount}元",
    },
    [MEDINS_STEP_COMPLICATION] = {
        "Complication costs {base} yuan reimbursed at {ratio}: {amount} yuan",
        "并发症医疗费用{base}元按{ratio}报销：{amount}元",
    },
    [MEDINS_STEP_NO_COMPLICATION] = {
        "Complication costs {base} yuan: the policy reimburses none for the {scheme} scheme",
        "并发症医疗费用{base}元：{scheme}不予报销",
    },
    [MEDINS_STEP_MATERNITY_TOTAL] = {
        "The fund pays {amount} yuan",
        "基金支付{amount}元",
    },
    [MEDINS_STEP_ENROLMENT] = {
        "Patient {patient}, enrolled {from}{to? to {to}|, still enrolled}: {days} days, "
        "{amount} yuan",
        "患者{patient}，{from}起登记{to?，至{to}|，目前仍在登记}：{days}天，{amount}元",
    },
    [MEDINS_STEP_BUDGET] = {
        "Budget for {disease} at {rate} yuan per patient per {period}: {patients} patients, "
        "{days} days enrolled, {amount} yuan",
        "{disease}按人头付费预算：每人每{period}{rate}元，{patients}人，共登记{days}天，{amount}元",
    },
    [MEDINS_STEP_ACTUAL_COSTS] = {
        "Actual covered costs: {amount} yuan",
        "实际发生的政策范围内费用：{amount}元",
    },
    [MEDINS_STEP_SURPLUS] = {
        "Underspend {base} yuan, of which the institution keeps {ratio}: {amount} yuan",
        "结余{base}元，医疗机构留用{ratio}：{amount}元",
    },
    [MEDINS_STEP_OVERRUN] = {
        "Overrun {base} yuan, of which the fund bears {ratio}: {amount} yuan",
        "超支{base}元，基金分担{ratio}：{amount}元",
    },
    [MEDINS_STEP_ASSESSMENT] = {
        "{base} yuan scaled by the assessment score {ratio}",
        "{base}元按考核得分{ratio}折算",
    },
    [MEDINS_STEP_CAPITATION_PAYMENT] = {
        "The fund pays {amount} yuan to institution {institution}",
        "基金向医疗机构{institution}支付{amount}元",
    },
    [MEDINS_STEP_SUPPLEMENTARY_START] = {
        "The supplementary fund starts where the basic fund has paid {amount} this year "
        "{at_cap?(its annual maximum) |}(paid before this claim {before}): it takes {base} of "
        "this claim's cost",
        "统筹基金年度累计支付达到{amount}元{at_cap?（统筹基金年度封顶线）|}后由补充基金支付"
        "（本次结算前统筹基金已支付{before}元）：本次进入补充基金的费用{base}元",
    },
    [MEDINS_STEP_SUPPLEMENTARY] = {
        "The supplementary fund pays {ratio} of {base}{cut? (cut by its annual maximum)}",
        "补充基金支付{base}元的{ratio}{cut?（受补充基金年度最高支付限额限制）}",
    },
    [MEDINS_STEP_VISIT_CAP] = {
        "The fund pays at most {amount} for one claim{reached? (reached)}",
        "统筹基金单次最高支付{amount}元{reached?（已达到）}",
    },
    [MEDINS_STEP_DAY_CAP] = {
        "The fund pays at most {amount} a day, of which {base} was paid earlier the same "
        "day{reached? (reached)}",
        "统筹基金日最高支付{amount}元，当日此前已支付{base}元{reached?（已达到）}",
    },
    [MEDINS_STEP_BED_DAY_CAP] = {
        "The fund pays at most {per_day} a bed-day: {amount} for the claim's {days} "
        "days{reached? (reached)}",
        "统筹基金每床日最高支付{per_day}元，本次{days}个床日最高支付{amount}元{reached?（已达到）}",
    },
    [MEDINS_STEP_DEDUCTIBLE_CAP] = {
        "Deductibles of the year at most {amount}, of which {base} was borne before this "
        "claim{reached? (reached)}",
        "年度起付线累计最高{amount}元，本次结算前已负担{base}元{reached?（已达到）}",
    },
    [MEDINS_STEP_ACCOUNT_FIRST] = {
        "The individual account pays first, before the deductible: {amount} of {base} "
        "({all?from the balance {balance}|from the year's account {current}})",
        "个人账户先行支付{amount}元（政策范围内费用{base}元，"
        "{all?账户余额{balance}元|当年账户{current}元}），其余进入起付线",
    },
    [MEDINS_STEP_SUPPLEMENTARY_CAP] = {
        "The supplementary fund's annual maximum {amount}; paid before this claim {base}",
        "补充基金年度最高支付限额{amount}元，本次结算前已支付{base}元",
    },
    [MEDINS_STEP_OVER_CEILING] = {
        "Above the items' price ceilings, paid by the patient: {amount}",
        "超出限价部分，由个人全额负担：{amount}元",
    },
};

const char *mdn_message(medins_step_kind kind, medins_lang lang)
{
    if ((unsigned)kind >= MEDINS_STEP_KIND_COUNT || (unsigned)lang >= MEDINS_LANG_COUNT)
        return NULL;
    return messages[kind][lang];
}

/* ---- Words ------------------------------------------------------------------------------- */

/* Chinese words of the enums, in the order of their values (English is the policy files'
 * words, util/words.c). A tier of none is the chosen one, which the templates say. */
static const char *const zh_scheme[] = {"职工医保", "城乡居民医保", NULL};
static const char *const zh_category[] = {"在职职工", "退休人员", "成年居民", "学生儿童", NULL};
static const char *const zh_tier[] = {"所选档次", "低档", "中档", "高档", NULL};
static const char *const zh_group[] = {
    "低保", "低保边缘", "特困", "重度残疾", "低收入老年人", "单亲家庭", "失独", "五保", "三无",
    "优抚对象", NULL,
};
static const char *const zh_employer[] = {"企业", "机关事业单位", "困难企业", "个体工商户", NULL};
static const char *const zh_delivery[] = {"顺产", "助产", "剖宫产", "剖宫产合并其他手术", NULL};
static const char *const zh_disease[] = {"糖尿病", "透析", "血友病", "偏瘫", "肺心病", NULL};
static const char *const zh_period[] = {"月", "年", NULL};

typedef struct enum_words {
    medins_arg_type type;
    const char *const *words[MEDINS_LANG_COUNT];
} enum_words;

static const enum_words enums[] = {
    {MEDINS_ARG_SCHEME, {mdn_scheme_words, zh_scheme}},
    {MEDINS_ARG_CATEGORY, {mdn_category_words, zh_category}},
    {MEDINS_ARG_TIER, {mdn_tier_words, zh_tier}},
    {MEDINS_ARG_GROUPS, {mdn_group_words, zh_group}},
    {MEDINS_ARG_EMPLOYER_TYPE, {mdn_employer_words, zh_employer}},
    {MEDINS_ARG_DELIVERY, {mdn_delivery_words, zh_delivery}},
    {MEDINS_ARG_DISEASE, {mdn_disease_words, zh_disease}},
    {MEDINS_ARG_PERIOD, {mdn_period_words, zh_period}},
};

/* A group set with no group in it (a groups row that names none). */
static const char *const no_group[MEDINS_LANG_COUNT] = {"a special group", "特殊"};

const char *medins_arg_label(medins_arg_type type, int64_t value, medins_lang lang)
{
    return mdn_arg_word(type, value, lang);
}

const char *mdn_arg_word(medins_arg_type type, int64_t v, medins_lang lang)
{
    if ((unsigned)lang >= MEDINS_LANG_COUNT)
        return NULL;
    if (type == MEDINS_ARG_GROUPS) {
        if (v == 0)
            return no_group[lang];
        /* The lowest group of the set, as its index. */
        uint64_t low = (uint64_t)v & (~(uint64_t)v + 1u);
        for (v = 0; low > 1; low >>= 1)
            v++;
    }
    for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++) {
        if (enums[i].type != type)
            continue;
        const char *const *words = enums[i].words[lang];
        for (int64_t k = 0; words[k]; k++)
            if (k == v)
                return words[k];
        return NULL;
    }
    return NULL;
}

/* ---- Parts, languages, layouts ----------------------------------------------------------- */

static const char *const parts[MEDINS_PART_COUNT][MEDINS_LANG_COUNT] = {
    [MEDINS_PART_SELF_PAID] = {"Fully self-paid items", "自费"},
    [MEDINS_PART_CATEGORY_B] = {"Category-B first self-pay", "乙类先行自付"},
    [MEDINS_PART_DEDUCTIBLE] = {"Deductible", "起付线"},
    [MEDINS_PART_FUND] = {"Basic fund pays", "统筹基金支付"},
    [MEDINS_PART_COINSURANCE] = {"Patient's share", "个人自付"},
    [MEDINS_PART_OVER_CAP] = {"Above the annual maximum", "超封顶线"},
    [MEDINS_PART_MAJOR_DISEASE] = {"Major-disease insurance", "大病保险"},
    [MEDINS_PART_ASSISTANCE] = {"Medical assistance", "医疗救助"},
    [MEDINS_PART_PATIENT] = {"Patient pays", "个人负担"},
    [MEDINS_PART_ACCOUNT] = {"from the account", "个人账户支付"},
    [MEDINS_PART_INFO] = {"Note", "说明"},
    [MEDINS_PART_CONTRIBUTION] = {"Contribution", "缴费"},
    [MEDINS_PART_BENEFIT] = {"Benefit", "待遇"},
    [MEDINS_PART_SUPPLEMENTARY] = {"Supplementary fund pays", "补充基金支付"},
};

const char *medins_part_label(medins_part part, medins_lang lang)
{
    if ((unsigned)part >= MEDINS_PART_COUNT || (unsigned)lang >= MEDINS_LANG_COUNT)
        return NULL;
    return parts[part][lang];
}

static const char *const lang_names[MEDINS_LANG_COUNT] = {"en", "zh"};

const char *medins_lang_name(medins_lang lang)
{
    return (unsigned)lang < MEDINS_LANG_COUNT ? lang_names[lang] : NULL;
}

static const mdn_layout layouts[MEDINS_LANG_COUNT] = {
    [MEDINS_LANG_EN] = {
        .kind = {"settlement", "contribution", "maternity", "capitation", "account"},
        .policy_open = " under ", .policy_close = "",
        .cite_open = " (", .cite_close = ")",
        .cite_assumed = "assumed: ", .cite_third_party = "third-party: ",
        .assumed = "assumed values used:", .third_party = "third-party values used:",
        .why_assumed = "assumed: ", .why_third_party = "third-party ", .source_sep = ": ",
        .value_open = "  (", .value_sep = "; ", .value_close = ")",
    },
    [MEDINS_LANG_ZH] = {
        .kind = {"结算", "缴费", "生育", "按人头付费", "个人账户"},
        .policy_open = "（", .policy_close = "）",
        .cite_open = "（", .cite_close = "）",
        .cite_assumed = "假定：", .cite_third_party = "第三方来源：",
        .assumed = "使用的假定值：", .third_party = "使用的第三方来源值：",
        .why_assumed = "假定：", .why_third_party = "第三方来源 ", .source_sep = "：",
        .value_open = "（", .value_sep = "；", .value_close = "）",
    },
};

const mdn_layout *mdn_layout_of(medins_lang lang)
{
    return (unsigned)lang < MEDINS_LANG_COUNT ? &layouts[lang] : NULL;
}
