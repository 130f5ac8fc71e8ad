{
  "openapi": "3.1.1",
  "info": {
    "title": "API",
    "version": "1.0.0"
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/shop/orders": {
      "post": {
        "tags": ["Shop"],
        "summary": "Order something",
        "operationId": "Order",
        "requestBody": {
          "description": "The order.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewOrder"
              }
            }
          },
          "required": true
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Product"
                }
              }
            }
          },
          "401": {
            "description": "Unauthorized"
          },
          "403": {
            "description": "Forbidden"
          },
          "413": {
            "description": "The request body is larger than the app's MaxRequestBodySize.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ProblemDetails"
                }
              }
            }
          },
          "415": {
            "description": "The request body is not JSON.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ProblemDetails"
                }
              }
            }
          },
          "422": {
            "description": "Validation error: the request's parameters or body are not valid.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ValidationProblem"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearer": []
          }
        ]
      }
    },
    "/shop/orders/{id}": {
      "delete": {
        "tags": ["Shop"],
        "summary": "Cancel an order",
        "operationId": "Cancel",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "format": "int32"
            }
          }
        ],
        "responses": {
          "204": {
            "description": "No Content"
          },
          "422": {
            "description": "Validation error: the request's parameters or body are not valid.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ValidationProblem"
                }
              }
            }
          }
        },
        "deprecated": true
      }
    },
    "/shop/products": {
      "get": {
        "tags": ["Shop", "Search"],
        "summary": "Search",
        "operationId": "SearchProducts",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "description": "Words to look for.",
            "required": false,
            "schema": {
              "type": "string",
              "maxLength": 50
            }
          },
          {
            "name": "page",
            "in": "query",
            "description": "The page, from 1.",
            "required": false,
            "schema": {
              "type": "integer",
              "format": "int32",
              "minimum": 1,
              "maximum": 1000,
              "default": 1
            }
          },
          {
            "name": "speeds",
            "in": "query",
            "description": "Only these shipping speeds.",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Speed"
              }
            }
          },
          {
            "name": "X-Tenant",
            "in": "header",
            "description": "The tenant.",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Product"
                  }
                }
              }
            }
          },
          "422": {
            "description": "Validation error: the request's parameters or body are not valid.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ValidationProblem"
                }
              }
            }
          }
        }
      }
    },
    "/shop/products/{id}": {
      "get": {
        "tags": ["Shop"],
        "summary": "Find a product",
        "description": "Looks the product up by `id`; see `Product`.",
        "operationId": "Find",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The product's identifier.",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The product.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Product"
                }
              }
            }
          },
          "404": {
            "description": "No product has this identifier."
          },
          "422": {
            "description": "Validation error: the request's parameters or body are not valid.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ValidationProblem"
                }
              }
            }
          }
        }
      }
    },
    "/shop/version": {
      "get": {
        "tags": ["Shop"],
        "operationId": "Version",
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "NewOrder": {
        "type": "object",
        "description": "A new order.",
        "properties": {
          "customer": {
            "type": "string",
            "minLength": 2,
            "pattern": "^\\s*\\S[\\s\\S]*$",
            "maxLength": 100,
            "description": "Who ordered."
          },
          "quantity": {
            "type": "integer",
            "format": "int32",
            "minimum": 1,
            "maximum": 99,
            "default": 1
          },
          "email": {
            "type": ["string", "null"],
            "format": "email"
          },
          "country": {
            "type": "string",
            "pattern": "^(?:[A-Z]{2})$",
            "default": "NL"
          },
          "region": {
            "type": ["string", "null"],
            "deprecated": true
          },
          "speeds": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Speed"
            },
            "uniqueItems": true,
            "maxItems": 5
          },
          "extras": {
            "type": ["object", "null"],
            "additionalProperties": {
              "type": "integer",
              "format": "int32"
            }
          }
        },
        "required": ["customer"]
      },
      "Product": {
        "type": "object",
        "description": "A product in the catalog.",
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid",
            "description": "The identifier."
          },
          "name": {
            "type": "string",
            "description": "The display name."
          },
          "price": {
            "type": "number",
            "format": "decimal",
            "description": "The price in euros."
          },
          "speed": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Speed"
              },
              {
                "type": "null"
              }
            ],
            "description": "The fastest shipping, when there is a choice."
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Labels."
          },
          "since": {
            "type": ["string", "null"],
            "format": "date",
            "description": "When it was added."
          }
        },
        "required": ["id", "name", "price", "tags"]
      },
      "Speed": {
        "type": "string",
        "description": "How soon an order ships.",
        "enum": ["Standard", "Express"]
      },
      "ProblemDetails": {
        "type": "object",
        "description": "An RFC 9457 problem (ErrorFormat.ProblemDetails, the default).",
        "properties": {
          "type": {
            "type": "string",
            "format": "uri"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer",
            "format": "int32"
          },
          "detail": {
            "type": "string",
            "x-ms-primary-error-message": true
          }
        },
        "required": ["type", "title", "status"]
      },
      "ValidationProblem": {
        "type": "object",
        "description": "An RFC 9457 problem listing every validation error (ErrorFormat.ProblemDetails, the default).",
        "properties": {
          "type": {
            "type": "string",
            "format": "uri"
          },
          "title": {
            "type": "string",
            "x-ms-primary-error-message": true
          },
          "status": {
            "type": "integer",
            "format": "int32"
          },
          "detail": {
            "type": "string"
          },
          "errors": {
            "type": "object",
            "description": "The messages for each location, e.g. `body.title` or `query.limit`.",
            "additionalProperties": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        },
        "required": ["type", "title", "status", "errors"]
      }
    },
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "Endpoints marked [Authorize]. How the app authenticates is configured at run time; see docs/openapi.md."
      }
    }
  },
  "tags": [
    {
      "name": "Search"
    },
    {
      "name": "Shop",
      "description": "The catalog and its orders."
    }
  ]
}