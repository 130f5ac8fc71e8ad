"""The benchmark endpoints as a FastAPI user writes them (pydantic models, constraints as types).

Run: /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 --port 5090 --no-access-log
"""
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import List, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, conint, conlist, constr, validator


class Item(BaseModel):
    id: int
    sku: str
    name: str
    description: str
    price: Decimal
    currency: str
    stock: int
    tags: List[str]
    createdAt: datetime
    active: bool


class Customer(BaseModel):
    name: constr(min_length=1, max_length=100)
    email: str

    @validator("email")
    def email_has_one_at(cls, value):  # noqa: N805 - pydantic passes the class
        # The rule of .NET's [EmailAddress]: exactly one '@', neither first nor last.
        at = value.find("@")
        if at <= 0 or at != value.rfind("@") or at == len(value) - 1:
            raise ValueError("value is not a valid email address")
        return value


class Address(BaseModel):
    street: constr(min_length=1)
    city: constr(min_length=1)
    postcode: Optional[constr(regex=r"^[A-Z0-9 ]{3,10}$")] = None
    country: Optional[constr(min_length=2, max_length=2)] = None


class OrderLine(BaseModel):
    sku: Optional[constr(regex=r"^SKU-\d{6}$")] = None
    quantity: conint(ge=1, le=100)


class Order(BaseModel):
    customer: Customer
    shipping: Address
    lines: conlist(OrderLine, min_items=1)
    note: Optional[str] = None


class OrderAccepted(BaseModel):
    id: int
    lines: int
    quantity: int


TAG_SETS = [["outdoor", "camping", "lighting"], ["kitchen", "steel"], ["garden", "tools", "hand"], ["office"]]
CREATED = datetime(2026, 3, 14, 9, 26, 53, tzinfo=timezone.utc)
CATALOG = [
    Item(
        id=i + 1,
        sku=f"SKU-{i + 1:06d}",
        name=f"Trail Lantern {i + 1}",
        description="Rechargeable LED lantern with three brightness levels, a magnetic base and a fold-away hook for tents.",
        price=Decimal("9.99") + (i + 1),
        currency="EUR",
        stock=(i + 1) * 7 % 120,
        tags=TAG_SETS[i % len(TAG_SETS)],
        createdAt=CREATED + timedelta(days=i),
        active=(i + 1) % 5 != 0,
    )
    for i in range(100)
]

app = FastAPI()


@app.get("/items/{id}", response_model=Item)
def get_item(id: int):
    if 1 <= id <= len(CATALOG):
        return CATALOG[id - 1]
    raise HTTPException(status_code=404, detail="Item not found")


@app.get("/items", response_model=List[Item])
def list_items():
    return CATALOG


@app.post("/orders", response_model=OrderAccepted, status_code=201)
def place_order(order: Order):
    return OrderAccepted(id=1001, lines=len(order.lines), quantity=sum(line.quantity for line in order.lines))
