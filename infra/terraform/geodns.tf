# api.<domain> answers with the nearest healthy Hireloop region. Adding a region is one entry here
# plus its load balancer in var.load_balancers: the module gives every entry its health check,
# latency records and per-region name.
module "geodns" {
  source = "./modules/geodns"

  zone_id     = var.zone_id
  record_name = "api.${var.domain}"

  regions = {
    "us-east" = {
      aws_region             = "us-east-1"
      load_balancer_dns_name = var.load_balancers["us-east"].dns_name
      load_balancer_zone_id  = var.load_balancers["us-east"].zone_id
    }
    "eu-central" = {
      aws_region             = "eu-central-1"
      load_balancer_dns_name = var.load_balancers["eu-central"].dns_name
      load_balancer_zone_id  = var.load_balancers["eu-central"].zone_id
    }
  }
}
