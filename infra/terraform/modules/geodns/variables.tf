variable "zone_id" {
  description = "Route 53 public hosted zone that holds record_name."
  type        = string

  validation {
    condition     = can(regex("^Z[0-9A-Z]+$", var.zone_id))
    error_message = "zone_id must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ."
  }
}

variable "record_name" {
  description = "The public name users resolve, for example api.example.com (no trailing dot)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$", var.record_name))
    error_message = "record_name must be a lower-case DNS name without a trailing dot."
  }
}

variable "regions" {
  description = <<-EOT
    Hireloop region name => where its router's load balancer lives. The key is the Hireloop region
    (us-east, eu-central, ...): it becomes the latency set identifier and the per-region name
    <key>.<record_name>. aws_region is the AWS region Route 53 measures latency to.
  EOT
  type = map(object({
    aws_region             = string
    load_balancer_dns_name = string
    load_balancer_zone_id  = string
  }))

  validation {
    condition     = length(var.regions) > 0
    error_message = "regions must name at least one region."
  }

  validation {
    condition     = alltrue([for region in keys(var.regions) : can(regex("^[a-z0-9]+(-[a-z0-9]+)*$", region))])
    error_message = "every region key must be a DNS label (lower-case letters, digits and inner hyphens)."
  }

  # Route 53 allows one latency record per AWS region for a given name and type.
  validation {
    condition     = length(distinct([for target in values(var.regions) : target.aws_region])) == length(var.regions)
    error_message = "two regions map to the same aws_region; latency routing could not tell them apart."
  }
}

variable "health_check_path" {
  description = "Path Route 53 probes on each region's load balancer. /readyz answers 200 only when the router can route."
  type        = string
  default     = "/readyz"

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "health_check_path must start with /."
  }
}

variable "health_check_interval" {
  description = "Seconds between probes from each Route 53 checker (Route 53 accepts 10 or 30)."
  type        = number
  default     = 10

  validation {
    condition     = contains([10, 30], var.health_check_interval)
    error_message = "health_check_interval must be 10 or 30."
  }
}

variable "health_check_failure_threshold" {
  description = "Consecutive failed probes before a region is unhealthy (and as many successes to be healthy again)."
  type        = number
  default     = 3

  validation {
    condition     = var.health_check_failure_threshold >= 1 && var.health_check_failure_threshold <= 10
    error_message = "health_check_failure_threshold must be between 1 and 10."
  }
}
