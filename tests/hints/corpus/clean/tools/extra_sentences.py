extra = [
 ("https://github.com/cloudnative-pg/cloudnative-pg/issues/3645", "[Bug]: Pod completed, not restarting (cloudnative-pg issue #3645)", "discussion", "github-cloudnative-pg-issue-3645", [
  ("I can confirm this, when I shut down a node yesterday, the database wasn't started on another node.", "system_subject"),
  ("The single 'primary\" instance stopped cleanly and was left in status: Completed.", "system_subject"),
  ("The operator repeated the following message while the node was down:", "tech_term")]),
 ("https://github.com/cloudnative-pg/cloudnative-pg/issues/778", "Add FAQ about cluster consequences during Operator pod outage (cloudnative-pg issue #778)", "discussion", "github-cloudnative-pg-issue-778", [
  ("What will happen to all the Clusters when the operator pod dies or is not available for amount of time?", "tech_term")]),
 ("https://github.com/Altinity/clickhouse-operator/issues/969", "Automatic recovery after complete data loss (clickhouse-operator issue #969)", "discussion", "github-altinity-clickhouse-operator-issue-969", [
  ("Hello! I had the same issue as @dbazhal, and restarting the operator worked indeed (thanks btw), so it seems like this is an issue with the operator reconciliation.", "tech_term")]),
 ("https://github.com/bitpoke/mysql-operator/issues/790", "mysql pods not ready if the operator are not ready before pod start (mysql-operator issue #790)", "discussion", "github-bitpoke-mysql-operator-issue-790", [
  ("When the cluster starts every morning all the pods that the operator have started not go to ready state.", "tech_term"),
  ("I think the problem is that the operator don't start before the pods.", "tech_term"),
  ("If we restart the mysql pods after de operator are ready all work fine.", "tech_term")]),
 ("https://github.com/Twingate/kubernetes-operator/issues/161", "Twingate Connector doesn't handle pod deletion on \"resume\" (kubernetes-operator issue #161)", "discussion", "github-twingate-kubernetes-operator-issue-161", [
  ("In various cases (like cluster upgrade) pod can go down while operator is down and wont get the event.", "tech_term"),
  ("When operator is back, we dont check for pod existence on resume.", "tech_term"),
  ("Operator will think connector is fine while in fact pod is missing", "tech_term")]),
 ("https://github.com/netenglabs/suzieq/issues/659", "Containers should not run as root (suzieq issue #659)", "discussion", "github-netenglabs-suzieq-issue-659", [
  ("The official container runs suzieq as a root user.", "tech_term"),
  ("Containers shouldn't run as root users.", "tech_term"),
  ("Running a process as the root user inside a container runs it as root on the host.", "tech_term"),
  ("If there's a compromise, an attacker has root in the container, and any misconfigurations become easier to exploit.", "attacker_or_luck"),
  ("This breaks the concept of containers being immutable and allows attackers to add malicious binaries in PATH during runtime", "attacker_or_luck"),
  ("The container file system should be RO.", "tech_term")]),
 ("https://github.com/fybrik/fybrik/issues/1487", "Container's Root Filesystem Has Read-Write Permission (fybrik issue #1487)", "discussion", "github-fybrik-issue-1487", [
  ("It was observed that root filesystem inside containers has R/W permissions.", "tech_term"),
  ("This increases attack surface since the root filesystem can be tampered.", "tech_term"),
  ("As a best practice it is advised to use read-only root filesystem inside containers.", "tech_term"),
  ("An attacker can write exploit scripts or tamper the existing files in root filesystem.", "attacker_or_luck"),
  ("This prevents any writes to the containers root filesystem at container runtime and enforces the principle of immutable infrastructure.", "tech_term")]),
 ("https://github.com/WirelessCar/nauth/pull/97", "build: read-only root file system (nauth pull request #97)", "discussion", "github-wirelesscar-nauth-pr-97", [
  ("Setting the `readOnlyRootFilesystem` flag to `true` reduces the attack surface of the container since an attacker cannot manipulate the executables of the container, nor make any other changes to the root file system.", "attacker_or_luck")]),
 ("https://github.com/SigNoz/signoz/pull/10762", "fix(docker): add non-root USER directive to Dockerfiles (SigNoz pull request #10762)", "discussion", "github-signoz-pr-10762", [
  ("Both community and enterprise Dockerfiles run as root by default.", "tech_term"),
  ("If a container escape vulnerability is discovered, the attacker gains root access on the host.", "attacker_or_luck")]),
 ("https://github.com/lfn-cnti/bestpractices/pull/182", "Best practice: Container should execute process(es) as a non-root user (bestpractices pull request #182)", "discussion", "github-lfn-cnti-bestpractices-pr-182", [
  ("However, the container's root user does have full read/write access to the container's filesystem.", "tech_term"),
  ("No secrets can be kept from it; it cannot be prevented from changing the content of all executable files on the system.", "tech_term"),
  ("On a basic level, avoiding the root user means that the container filesystem permissions are enforceable against all processes running in the system.", "tech_term")]),
 ("https://github.com/docker/docker-bench-security/issues/358", "Check 4.1 should warn if `USER root` is used. (docker-bench-security issue #358)", "discussion", "github-docker-bench-security-issue-358", [
  ("The check should also warn if it is set to 0, i.e. the container runs explicitly (and not only by default) as root user.", "tech_term"),
  ("4.1 has been updated to catch `User=root` and `User=0`.", "tech_term")]),
 ("https://github.com/balanced/balanced-api/issues/55", "API Issue Post-Mortem - Sep/10/2012 - 23:30 UTC (balanced-api issue #55)", "status_report", "github-balanced-api-issue-55", [
  ("At approximately 2012-09-10, 23:30 UTC, Balanced generated 500 errors on the accounts endpoint.", "capitalised_noun"),
  ("The 500's lasted for  less than 3 minutes and affect a small subset of requests.", "none"),
  ("This was due to a failed deploy which left a server in an inconsistent state.", "none"),
  ("We have put together steps to make sure such issues do not happen in future.", "forward_plan")]),
 ("https://github.com/ionos-deploy-now/ionos-deploy-now/issues/181", "Service Outage (ionos-deploy-now issue #181)", "discussion", "github-ionos-deploy-now-issue-181", [
  ("The issue was caused by a temporary service interruption that affected some customers yesterday.", "none"),
  ("It has already been resolved, and Deploy Now is operating normally again.", "capitalised_noun")]),
 ("https://github.com/ionos-deploy-now/ionos-deploy-now/issues/66", "\"Deploy Now is experiencing a temporary outage\" (ionos-deploy-now issue #66)", "discussion", "github-ionos-deploy-now-issue-66", [
  ("Hi everyone, there is a bug that creates this issue.", "none"),
  ("It's no actual outage and existing projects are still up and running.", "none"),
  ("We are working on a solution.", "forward_plan"),
  ("Sorry for the inconvenience!", "none")]),
 ("https://github.com/guardian/dotcom-rendering/issues/11434", "[Task]: Investigate 500s errors when deploying applications (dotcom-rendering issue #11434)", "discussion", "github-guardian-dotcom-rendering-issue-11434", [
  ("When we deploy an application we tend to see elevated number of 500 errors in our dashboards for a few minutes.", "none"),
  ("Lowish – this could make it hard to distinguish a real ongoing error from something expected.", "none")]),
 ("https://github.com/openshiftio/openshift.io/issues/2710", "Error 500 on Deployments screen (openshift.io issue #2710)", "discussion", "github-openshiftio-issue-2710", [
  ("We've just encountered this error in E2E tests:", "temporal_just"),
  ("I see the same 500 errors on the Deployments page, and this seems to be affecting OSO as well.", "capitalised_noun"),
  ("It appears that Hawkular Metrics are down for me and others on starter-us-east-2.", "capitalised_noun")]),
 ("https://github.com/livecoders/Home/issues/420", "Compromised Token (livecoders/Home issue #420)", "discussion", "github-livecoders-home-issue-420", [
  ("Not yet, but we have indicators that the attackers are trying to use the leaked secrets", "attacker_or_luck"),
  ("All tokens are now rotated.", "none")]),
 ("https://github.com/bugcrowd/templates/pull/171", "Sensitive Token Exposed in URL User Facing (bugcrowd/templates pull request #171)", "discussion", "github-bugcrowd-templates-pr-171", [
  ("The application discloses a sensitive token in the URL that is user facing which can be captured by an attacker.", "attacker_or_luck"),
  ("This allows the attacker to gain access to a legitimate user’s account, breaching the confidentiality and integrity of their account.", "attacker_or_luck")]),
 ("https://github.com/openSUSE/obs-landing/pull/384", "Add post mortem post for todays failed deployment (obs-landing pull request #384)", "discussion", "github-opensuse-obs-landing-pr-384", [
  ("We want to share with you a detailed explanation of what happened.", "none"),
  ("Our instance responded to every request with a downtime maintenance message.", "none"),
  ("No one was able to work with the API or user interface during that time.", "impact")]),
 ("https://forums.thecookie.dev/t/roblox-outage-worst-outage-yet/1136?page=5", "Roblox outage: worst outage yet (forum thread quoting Roblox's statement)", "discussion", "thecookie-forum-roblox-outage", [
  ("The outage lasted 73 hours.", "none"),
  ("Enabling a relatively new streaming feature on Consul under unusually high read and write load led to excessive contention and poor performance.", "capitalised_noun"),
  ("In addition, our particular load conditions triggered a pathological performance issue in BoltDB.", "capitalised_noun"),
  ("The open source BoltDB system is used within Consul to manage write-ahead-logs for leader election and data replication.", "capitalised_noun"),
  ("A single Consul cluster supporting multiple workloads exacerbated the impact of these issues.", "capitalised_noun"),
  ("Challenges in diagnosing these two primarily unrelated issues buried deep in the Consul implementation were largely responsible for the extended downtime.", "diagnosis"),
  ("Critical monitoring systems that would have provided better visibility into the cause of the outage relied on affected systems, such as Consul.", "impact"),
  ("This combination severely hampered the triage process.", "none"),
  ("We were thoughtful and careful in our approach to bringing Roblox up from an extended fully-down state, which also took notable time.", "none"),
  ("We have accelerated engineering efforts to improve our monitoring, remove circular dependencies in our observability stack, as well as accelerating our bootstrapping process.", "forward_plan"),
  ("We are working to move to multiple availability zones and data canters.", "forward_plan")]),
]
