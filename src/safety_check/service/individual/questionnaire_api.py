"""POST /api/v1/questionnaire/next: which questions to ask, given the answers so far.

A POST, not a GET: the answers (situation answers among them) must never be in a URL, where
proxies and browser histories would keep them.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, post
from litestar.params import Body

from safety_check.next_questions import NextQuestions, next_questions
from safety_check.service.individual.wire import PlanRequest
from safety_check.service.platform.json_body import require_json
from safety_check.service.platform.problems import COMMON_ERRORS, problem_spec


class QuestionnaireNextController(Controller):
    path = "/api/v1"
    tags = ["Safety Check"]

    @post(
        "/questionnaire/next",
        operation_id="getNextQuestions",
        summary="Which questions to ask next",
        description="Send the answers so far (as for createPlan, none required); get back, in "
        "questionnaire order, the questions to ask now (`ask`), those that depend on a "
        "question not answered yet (`waiting`), those not asked with these answers "
        "(`not_asked`), and answers given that no longer apply (`drop`: leave them out of the "
        "plan request). Stateless: nothing is stored or logged.",
        status_code=200,
        before_request=require_json,
        responses={
            400: problem_spec("The body is not JSON of the expected shape."),
            413: problem_spec("The body is larger than the limit."),
            415: problem_spec("The body is not application/json."),
            422: problem_spec("An answer is not in the questionnaire."),
            **COMMON_ERRORS,
        },
    )
    async def next_questions(
        self, data: Annotated[PlanRequest, Body(description="The answers so far.")]
    ) -> NextQuestions:
        return next_questions(data.answers)  # type: ignore[arg-type]  # decoded by decode_body
