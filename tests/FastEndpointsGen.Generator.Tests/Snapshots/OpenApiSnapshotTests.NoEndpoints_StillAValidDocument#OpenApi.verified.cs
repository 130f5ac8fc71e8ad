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
  "paths": {},
  "components": {
    "schemas": {}
  }
}