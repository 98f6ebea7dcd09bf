output "api_name" {
  description = "The latency-routed public API name."
  value       = module.geodns.record_name
}

output "region_names" {
  description = "Hireloop region => the name that always resolves to that region."
  value       = module.geodns.region_record_names
}

output "health_check_ids" {
  description = "Hireloop region => the Route 53 health check gating it."
  value       = module.geodns.health_check_ids
}
