variable "domain" {
  description = "The public domain; the API answers at api.<domain>."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$", var.domain))
    error_message = "domain must be a lower-case DNS name without a trailing dot, for example hireloop.example."
  }
}

variable "zone_id" {
  description = "Route 53 public hosted zone of the domain."
  type        = string
}

variable "load_balancers" {
  description = "Hireloop region => the public load balancer in front of that region's router (its DNS name and canonical hosted zone id)."
  type = map(object({
    dns_name = string
    zone_id  = string
  }))

  validation {
    condition = alltrue([
      for balancer in values(var.load_balancers) :
      balancer.dns_name != "" && can(regex("^Z[0-9A-Z]+$", balancer.zone_id))
    ])
    error_message = "every load balancer needs a dns_name and a canonical hosted zone id (Z...)."
  }
}
