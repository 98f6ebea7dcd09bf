terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Route 53 is a global service whose API lives in us-east-1, whatever regions the records point at.
provider "aws" {
  region = "us-east-1"
}
