# The local platform and the checks CI runs. `make up` provisions what is missing and starts the
# dev platform; `make test` does the same for the test platform (other ports, other state) and
# runs every check against it. See docs/runbooks/local-platform.md.
.DEFAULT_GOAL := help
.PHONY: help install up down status logs test proto load-test

# Which process `make logs` shows (all of them when empty), e.g. make logs NAME=us-east-kafka
NAME ?=

help:
	@echo "make up      provision and start the dev platform, wait until healthy, print endpoints"
	@echo "make down    stop the dev platform"
	@echo "make status  health of every dev process (exit 1 when one is unhealthy)"
	@echo "make logs    last log lines of every dev process (NAME=<process> for one)"
	@echo "make test    provision, start the test platform, lint, typecheck and run every test"
	@echo "make proto   lint the gRPC contracts and regenerate their TypeScript (proto/gen)"
	@echo "make load-test SCENARIO=<smoke|ramp|soak|spike|cell-kill|region-failover> TARGET=<router URL>"
	@echo "             run a k6 scenario (needs k6; see load-tests/README.md)"

install:
	infra/local/install.sh

up: install
	npm run build -w @hireloop/web
	npx hireloop local up

down:
	npx hireloop local down

status:
	npx hireloop local status

logs:
	npx hireloop local logs $(NAME)

test: install
	npx hireloop local up --profile test
	npm run lint
	npm run typecheck
	npm run build -w @hireloop/web
	npx vitest run
	if [ -f cell/test/drills/vitest.config.ts ]; then npx vitest run --config cell/test/drills/vitest.config.ts; fi

# make load-test SCENARIO=ramp TARGET=http://127.0.0.1:8080 [RATE=2 …]: variables given to make reach the
# runner's environment; see load-tests/README.md for each scenario's settings.
load-test:
	npx tsx load-tests/runner/load-test.ts

proto:
	cd proto && npx buf lint && rm -rf gen && npx buf generate
