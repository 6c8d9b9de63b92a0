"""Policies, policy sets and derived reforms pickle by what they were made from and come back
equal, in this process and in others (multiprocessing with fresh processes)."""

import multiprocessing
import os
import pickle
import shutil

import pytest

import medins
from conftest import POLICIES

L3 = "inpatient.ratio[id=employee-l3].segments[0].ratio"
CLAIM = ("2023-05-01", "inpatient", "l3", 3000000)


def _round_trip(obj):
    return pickle.loads(pickle.dumps(obj))


def test_embedded_policy_and_set(p2023):
    again = _round_trip(p2023)
    assert again == p2023 and again.id == "tianjin/2023"
    assert _round_trip(medins.embedded()) == medins.embedded()


def test_derived_reform_comes_back_equal(p2023, employee):
    reform = p2023.derive({L3: "90%"}, title="Level 3 at 90%")
    again = _round_trip(reform)
    assert again == reform and again != p2023
    assert again.parameters().loc[L3, "kind"] == "reform"
    claim = medins.Claim(*CLAIM)
    assert again.settle(employee, claim).to_dict() == reform.settle(employee, claim).to_dict()
    # A reform of a reform, and an overlay given as text.
    deeper = reform.derive("title: deeper\n", "deeper.yaml")
    assert _round_trip(deeper) == deeper


def test_loaded_policies_and_sets_come_back_without_their_files(tmp_path):
    folder = tmp_path / "pols"
    shutil.copytree(POLICIES / "tianjin", folder / "tianjin")
    pset = medins.PolicySet().add_dir(folder)
    pset.add_file(POLICIES / "reforms" / "tianjin-2023-l3-plus5.yaml", "reforms/l3")
    one = medins.load_policy(folder / "tianjin" / "2023.yaml", bases=pset)
    text = medins.load_policy_string("base: tianjin/2023\ntitle: t\n", "t.yaml")
    blobs = pickle.dumps((pset, one, text, pset["tianjin/2022"]))
    shutil.rmtree(folder)   # the copies need none of the files
    pset2, one2, text2, p2022 = pickle.loads(blobs)
    assert pset2 == pset and pset2.ids == pset.ids
    assert pset2["reforms/l3"] == pset["reforms/l3"]
    assert one2 == one and text2 == text and p2022 == pset["tianjin/2022"]
    # The same file names in the values: the citations point where the originals did.
    path = "contributions.resident.tiers[0].individual"   # written in 2023.yaml itself
    assert pset2["tianjin/2023"].value(path).file == str(folder / "tianjin" / "2023.yaml") \
        == pset["tianjin/2023"].value(path).file


def test_what_cannot_pickle_says_why(p2023):
    orphan = medins.Policy(p2023._c.derive("x.yaml", "title: x\n"))
    with pytest.raises(TypeError, match="cannot be pickled: it was made by no call"):
        pickle.dumps(orphan)


def _settle_in_worker(payload):
    """In a fresh process: the policy from its pickle, a claim settled with it, and the
    policy sent back."""
    policy = pickle.loads(payload)
    person = medins.Person.employee(birth_date="1975-04-02")
    return policy.settle(person, medins.Claim(*CLAIM)).fund, pickle.dumps(policy), os.getpid()


def test_multiprocessing_workers_get_equal_policies(p2023, employee):
    reform = p2023.derive({L3: "90%"}, title="Level 3 at 90%")
    payloads = [pickle.dumps(p) for p in (p2023, reform)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_settle_in_worker, payloads)
    claim = medins.Claim(*CLAIM)
    for (fund, back, pid), policy in zip(results, (p2023, reform)):
        assert pid != os.getpid()
        assert fund == policy.settle(employee, claim).fund
        assert pickle.loads(back) == policy
    assert results[0][0] != results[1][0]


def test_add_texts_refuses_what_is_no_text():
    add = medins.lowlevel.policy_set_add_texts
    pset = medins.PolicySet()
    with pytest.raises(medins.PolicyError) as e:
        add(None, [None], ["x.yaml"], ["title: x\n"], None)
    assert e.value.code == medins.Status.ERR_ARGUMENT
    assert "names, texts and lens for 1 texts, are required" in e.value.message
    with pytest.raises(TypeError, match="texts\\[0\\] must be a str, not bytes"):
        add(pset._c, [None], ["x.yaml"], [b"title: x\n"], None)
    with pytest.raises(ValueError, match="names\\[0\\] contains a NUL character"):
        add(pset._c, [None], ["x\0.yaml"], ["title: x\n"], None)
    assert len(pset) == 0
