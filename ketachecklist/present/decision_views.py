"""Everyone's view in words: the weights in force as percentages, who leads under each
profile and preset, and whether the people agree."""

from __future__ import annotations

from ketachecklist.core.decision.profiles import ProfileView
from ketachecklist.present.decision_context import DecisionContext
from ketachecklist.present.decision_types import (
    PRESET_NAMES,
    ProfileText,
)
from ketachecklist.present.decision_words import and_list, name_in_line
from ketachecklist.present.text import tr


class ViewsWording(DecisionContext):
    # --- everyone's view ----------------------------------------------------------------------
    def percentages_text(self, view: ProfileView) -> str:
        sets = self.comparison.catalogue.sets
        if not any(view.percentages.values()):
            return tr("no question set counts (every weight is 0)")
        return ", ".join(f"{s.title} {view.percentages.get(s.id, 0)}%" for s in sets)

    def weights_title(self) -> str:
        active = self.comparison.active_profile
        if active:
            return tr("Weights in force ({name})").format(name=name_in_line(active))
        return tr("Weights in force")

    def profile(self, view: ProfileView) -> ProfileText:
        if view.preset is not None:
            name = tr(PRESET_NAMES[view.preset])
        else:
            name = name_in_line(view.name) or tr("Your weights now")
        leader = (
            tr("{name} leads").format(name=self.name(view.leader_id))
            if view.leader_id is not None
            else tr("no clinic in the running has a score")
        )
        return ProfileText(name, view.active, self.percentages_text(view), leader)

    def agreement_text(self) -> str:
        profiles = self.analysis.profiles
        people = profiles.people
        if len(people) == 1:
            return tr("Only one set of weights so far: no other person's profile is saved.")
        leaders = profiles.leaders
        if not leaders:
            return tr("No clinic in the running has a score under anyone's weights yet.")
        if profiles.agree:
            return tr("All {count} profiles put {name} first.").format(
                count=len(people), name=self.name(leaders[0])
            )
        by_leader = []
        for leader in leaders:
            who = [self.profile(v).name for v in people if v.leader_id == leader]
            by_leader.append(
                tr("{name} leads for {who}").format(name=self.name(leader), who=and_list(who))
            )
        return tr("The profiles disagree: {parts}.").format(parts="; ".join(by_leader))
