# Latency-based GeoDNS for one public name: Route 53 answers with the region nearest (by measured
# latency) to the resolver among the regions whose health check passes, so a region that stops being
# ready leaves the answer set and its users go to the next-nearest healthy region.

# One HTTPS probe per region against its load balancer. /readyz is 200 only while the router has its
# placement table and at least one live cell: a router that is up but cannot route counts as down.
resource "aws_route53_health_check" "region" {
  for_each = var.regions

  type              = "HTTPS"
  fqdn              = each.value.load_balancer_dns_name
  port              = 443
  resource_path     = var.health_check_path
  request_interval  = var.health_check_interval
  failure_threshold = var.health_check_failure_threshold

  tags = {
    Name   = "${var.record_name} ${each.key}"
    region = each.key
  }
}

# The latency answer set for the public name, IPv4. evaluate_target_health also drops a region whose
# load balancer has no healthy targets; health_check_id drops it when its router is not ready.
resource "aws_route53_record" "latency_ipv4" {
  for_each = var.regions

  zone_id         = var.zone_id
  name            = var.record_name
  type            = "A"
  set_identifier  = each.key
  health_check_id = aws_route53_health_check.region[each.key].id

  latency_routing_policy {
    region = each.value.aws_region
  }

  alias {
    name                   = each.value.load_balancer_dns_name
    zone_id                = each.value.load_balancer_zone_id
    evaluate_target_health = true
  }
}

# The same answer set for IPv6; it resolves only for load balancers created dual-stack.
resource "aws_route53_record" "latency_ipv6" {
  for_each = var.regions

  zone_id         = var.zone_id
  name            = var.record_name
  type            = "AAAA"
  set_identifier  = each.key
  health_check_id = aws_route53_health_check.region[each.key].id

  latency_routing_policy {
    region = each.value.aws_region
  }

  alias {
    name                   = each.value.load_balancer_dns_name
    zone_id                = each.value.load_balancer_zone_id
    evaluate_target_health = true
  }
}

# <region>.<record_name> always points at that region, healthy or not: operators debugging a region
# and the router forwarding a request to a user's home region must reach exactly that region.
resource "aws_route53_record" "region_ipv4" {
  for_each = var.regions

  zone_id = var.zone_id
  name    = "${each.key}.${var.record_name}"
  type    = "A"

  alias {
    name                   = each.value.load_balancer_dns_name
    zone_id                = each.value.load_balancer_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "region_ipv6" {
  for_each = var.regions

  zone_id = var.zone_id
  name    = "${each.key}.${var.record_name}"
  type    = "AAAA"

  alias {
    name                   = each.value.load_balancer_dns_name
    zone_id                = each.value.load_balancer_zone_id
    evaluate_target_health = false
  }
}
