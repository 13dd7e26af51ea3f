"""The shapes of the API's answers (filmmaker/api.py), as django-ninja schemas: they make
the OpenAPI document, and every answer is validated against them before it is sent."""

import datetime
from typing import Optional

from ninja import Field, Schema

MAX_PAGE_SIZE = 100


class Text(Schema):
    value: str = Field(..., description="The text.")
    lang: str = Field(..., description="The language the text is really in (fr, ar or en).")


class Term(Schema):
    id: str = Field(..., description="Stable identifier (slug).")
    name: Text


class Image(Schema):
    url: str
    alt: Optional[Text]


class Message(Schema):
    detail: str


class InvalidQuery(Schema):
    detail: list[dict] = Field(..., description="What is wrong with each query parameter.")


class PersonRef(Schema):
    id: str
    name: Text
    url: str


class FilmRef(Schema):
    id: str
    title: Text
    year: int
    url: str


class FestivalRef(Schema):
    id: str
    name: Text
    url: str


class PersonOut(Schema):
    id: str = Field(..., description="Stable identifier (slug).")
    url: str = Field(..., description="The person's page in this language.")
    api_url: str
    name: Text
    summary: Optional[Text]
    birth_date: Optional[datetime.date]
    birthplace: Optional[Text]
    occupations: list[Term]
    nationalities: list[Term]
    portrait: Optional[Image]
    wikidata_id: Optional[str]
    imdb_id: Optional[str]
    updated_at: datetime.datetime


class BiographySectionOut(Schema):
    id: str
    heading: Text
    body: Text


class FilmographyRow(Schema):
    film: FilmRef
    roles: list[Term]


class AwardRef(Schema):
    id: str
    api_url: str


class PersonDetailOut(PersonOut):
    biography: list[BiographySectionOut]
    filmography: list[FilmographyRow]
    awards: list[AwardRef]


class CreditOut(Schema):
    person: PersonRef
    role: Term


class FilmOut(Schema):
    id: str
    url: str
    api_url: str
    title: Text
    original_title: Optional[str]
    original_language: Optional[str]
    year: int
    runtime: Optional[int] = Field(None, description="In minutes.")
    genre: Optional[Term]
    synopsis: Optional[Text]
    poster: Optional[Image]
    credits: list[CreditOut]
    updated_at: datetime.datetime


class FilmDetailOut(FilmOut):
    awards: list[AwardRef]


class FestivalOut(Schema):
    id: str
    url: str
    api_url: str
    name: Text
    acronym: Optional[str]
    city: Optional[Text]
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-2 code.")
    website: Optional[str]
    updated_at: datetime.datetime


class AwardOut(Schema):
    id: str
    url: str
    api_url: str
    festival: FestivalRef
    year: Optional[int] = Field(None, description="Empty when the source does not give it.")
    category: Optional[Text]
    outcome: str = Field(..., description="won, nominated, special_mention or selection.")
    outcome_label: Text
    film: Optional[FilmRef]
    person: Optional[PersonRef]
    notes: Optional[Text]
    updated_at: datetime.datetime


class FestivalDetailOut(FestivalOut):
    awards: list[AwardOut]


class Page(Schema):
    count: int = Field(..., description="Items in every page.")
    page: int
    pages: int
    next: Optional[str]
    previous: Optional[str]


class PersonPage(Page):
    items: list[PersonOut]


class FilmPage(Page):
    items: list[FilmOut]


class FestivalPage(Page):
    items: list[FestivalOut]


class AwardPage(Page):
    items: list[AwardOut]


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100000, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description=f"Items per page, at most {MAX_PAGE_SIZE}.")
