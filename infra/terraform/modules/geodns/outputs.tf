output "record_name" {
  description = "The latency-routed public name."
  value       = var.record_name
}

output "region_record_names" {
  description = "Hireloop region => the name that always resolves to that region."
  value       = { for region, record in aws_route53_record.region_ipv4 : region => record.name }
}

output "health_check_ids" {
  description = "Hireloop region => the Route 53 health check that gates it in the latency answer set."
  value       = { for region, check in aws_route53_health_check.region : region => check.id }
}
