value.{x
