/*
 * contrib.i: contributions, individual accounts, maternity and capitation.
 *
 * Inputs are the headers' plain structs (EmployeeInput, AccountInput, MaternityInput,
 * CapitationInput); the computations are methods of Policy returning a new Result, whose figures
 * are read with Result.contribution() / account() / maternity() / capitation(). A capitation
 * period's enrolments are collected in an Enrolments list, so no language needs array typemaps.
 */

%rename(EmployeeInput) medins_employee_input;
%rename(ContributionFigures) medins_contribution_figures;
%rename(AccountInput) medins_account_input;
%rename(AccountFigures) medins_account_figures;
%rename(MaternityInput) medins_maternity_input;
%rename(MaternityFigures) medins_maternity_figures;
%rename(Enrolment) medins_enrolment;
%rename(CapitationInput) medins_capitation_input;
%rename(CapitationFigures) medins_capitation_figures;
%rename(Enrolments) medins_swig_enrolments;
/* `from` is a Python keyword: the same names in every language. */
%rename(from_date) medins_enrolment::from;
%rename(to_date) medins_enrolment::to;
%rename(from_date) medins_capitation_input::from;
%rename(to_date) medins_capitation_input::to;

%ignore medins_employee_input_init;
%ignore medins_account_input_init;
%ignore medins_maternity_input_init;
%ignore medins_capitation_input_init;
%ignore medins_enrolment_init;
%ignore medins_employer_type_parse;
%ignore medins_delivery_parse;
%ignore medins_disease_parse;
%ignore medins_contribution;
%ignore medins_account;
%ignore medins_maternity;
%ignore medins_capitation;
%ignore medins_result_contribution;
%ignore medins_result_account;
%ignore medins_result_maternity;
%ignore medins_result_capitation;
/* Set through Enrolments, which owns the memory. */
%ignore medins_capitation_input::enrolments;
%ignore medins_capitation_input::enrolment_count;

%nodefaultctor medins_employee_input;
%nodefaultctor medins_account_input;
%nodefaultctor medins_maternity_input;
%nodefaultctor medins_capitation_input;
%nodefaultctor medins_enrolment;
%nodefaultctor medins_contribution_figures;
%nodefaultctor medins_account_figures;
%nodefaultctor medins_maternity_figures;
%nodefaultctor medins_capitation_figures;
%nodefaultdtor medins_contribution_figures;
%nodefaultdtor medins_account_figures;
%nodefaultdtor medins_maternity_figures;
%nodefaultdtor medins_capitation_figures;
%immutable medins_contribution_figures;
%immutable medins_account_figures;
%immutable medins_maternity_figures;
%immutable medins_capitation_figures;


%include "medins/contribution.h"
%include "medins/maternity.h"
%include "medins/capitation.h"


/* A growable list of enrolments for one capitation call. */
typedef struct medins_swig_enrolments {} medins_swig_enrolments;

%extend medins_employee_input {
    medins_employee_input() {
        medins_employee_input *p = malloc(sizeof *p);
        if (p)
            medins_employee_input_init(p);
        return p;
    }
    ~medins_employee_input() { free($self); }
}
%extend medins_account_input {
    medins_account_input() {
        medins_account_input *p = malloc(sizeof *p);
        if (p)
            medins_account_input_init(p);
        return p;
    }
    ~medins_account_input() { free($self); }
}
%extend medins_maternity_input {
    medins_maternity_input() {
        medins_maternity_input *p = malloc(sizeof *p);
        if (p)
            medins_maternity_input_init(p);
        return p;
    }
    ~medins_maternity_input() { free($self); }
}
%extend medins_capitation_input {
    medins_capitation_input() {
        medins_capitation_input *p = malloc(sizeof *p);
        if (p)
            medins_capitation_input_init(p);
        return p;
    }
    ~medins_capitation_input() { free($self); }
}
%extend medins_enrolment {
    medins_enrolment() {
        medins_enrolment *p = malloc(sizeof *p);
        if (p)
            medins_enrolment_init(p);
        return p;
    }
    ~medins_enrolment() { free($self); }
}

%extend medins_swig_enrolments {
    medins_swig_enrolments() { return calloc(1, sizeof(medins_swig_enrolments)); }
    ~medins_swig_enrolments() {
        free($self->items);
        free($self);
    }
    /** Append one enrolment from `start` to `end` (0: still enrolled). Returns 0, or -1 when out of memory. */
    int m_add(int64_t patient, medins_date start, medins_date end) {
        if ($self->count == $self->capacity) {
            size_t cap = $self->capacity ? 2 * $self->capacity : 16;
            medins_enrolment *grown = realloc($self->items, cap * sizeof *grown);
            if (!grown)
                return -1;
            $self->items = grown;
            $self->capacity = cap;
        }
        $self->items[$self->count].patient = patient;
        $self->items[$self->count].from = start;
        $self->items[$self->count].to = end;
        $self->count++;
        return 0;
    }
    size_t m_size() { return $self->count; }
}

%newobject medins_policy::m_contribution;
%newobject medins_policy::m_account;
%newobject medins_policy::m_maternity;
%newobject medins_policy::m_capitation;
%extend medins_policy {
    /** A person's yearly contribution; `employee` is needed for employees (null for residents). */
    medins_result *m_contribution(const medins_person *person, medins_date date,
                                const medins_employee_input *employee, medins_error **err) {
        medins_result *r = NULL;
        medins_contribution(&r, $self, person, date, employee, err);
        return r;
    }
    /** An employee's individual-account credits. */
    medins_result *m_account(const medins_person *person, medins_date date,
                           const medins_account_input *input, medins_error **err) {
        medins_result *r = NULL;
        medins_account(&r, $self, person, date, input, err);
        return r;
    }
    /** The maternity payment for one delivery. */
    medins_result *m_maternity(const medins_person *person, medins_date date,
                             const medins_maternity_input *input, medins_error **err) {
        medins_result *r = NULL;
        medins_maternity(&r, $self, person, date, input, err);
        return r;
    }
    /** One institution's per-head payment for a period, over `enrolments` (may be null). */
    medins_result *m_capitation(const medins_capitation_input *input,
                              const medins_swig_enrolments *enrolments, medins_error **err) {
        medins_result *r = NULL;
        medins_capitation_input in;
        if (input) {   /* without one, the library's own argument error */
            in = *input;
            in.enrolments = enrolments ? enrolments->items : NULL;
            in.enrolment_count = enrolments ? enrolments->count : 0;
        }
        medins_capitation(&r, $self, input ? &in : NULL, err);
        return r;
    }
}

%extend medins_result {
    /** Contribution figures (borrowed), or null for other kinds. */
    const medins_contribution_figures *m_contribution() { return medins_result_contribution($self); }
    const medins_account_figures *m_account() { return medins_result_account($self); }
    const medins_maternity_figures *m_maternity() { return medins_result_maternity($self); }
    const medins_capitation_figures *m_capitation() { return medins_result_capitation($self); }
}
