"""Selectors of governance: each returns the data a page shows, loaded in a constant number of queries;
charts are drawn where the data is shown (a property the template reads), not here. One module per
part of the domain, as governance/models/."""

from .cycle import (  # noqa: F401
    DocumentRow,
    PartyCycle,
    party_cycle,
)
from .goals import (  # noqa: F401
    GoalOutcome,
    IndicatorOutcome,
    MunicipalityGoals,
    PartyGoals,
    ProgrammeGoals,
    goal_ids_with_status,
    goal_outcome,
    goals_with_figures,
    municipality_goals,
    party_goals,
)
from .monitoring import (  # noqa: F401
    CriterionTrend,
    MunicipalityMonitoring,
    party_monitoring,
)
from .representation import (  # noqa: F401
    ParticipationProfile,
    PartyRepresentation,
    PersonSeats,
    municipality_risk_profiles,
    municipality_seats_by_person,
    party_representation,
    person_detail_queryset,
    person_list,
    risk_profile_proposals,
)
