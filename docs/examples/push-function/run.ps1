<#
.SYNOPSIS
    Azure Functions (PowerShell) HTTP trigger that receives BYRobot callbacks and iFlytek yeta pushes.
.DESCRIPTION
    Configure its URL (with ?code=<function key>) as the callback URL in the BYRobot CRM (系统管理 → 系统设置 → API配置)
    or as each yeta module's push URL (接入管理: receiveCallRecord, receiveVoice, receiveDialog). Put OutboundPS in the
    function app's Modules folder (or managed dependencies).

    Who may push: neither vendor's pushes can be verified, so keep authLevel function (function.json): the function
    key in the URL is what Receive-OutboundPush's path token is, and an anonymous function takes pushes from anyone.
    Give the vendor the https:// URL (TLS comes from the platform), and restrict the function app's inbound traffic
    (Networking, access restrictions) to the vendors' addresses, as Receive-OutboundPush -AllowedAddress does
    (BYRobot documents 120.55.46.3; yeta documents none). See Get-Help about_OutboundPS, "Exposing the push receiver".

    Store, then acknowledge: the raw body goes to blob storage and the converted record to a queue; both output
    bindings are written when the function returns, and a failure in either fails the invocation with HTTP 500, so
    the vendor retries instead of losing the push. A body that is no documented push is refused with 400 and not
    acknowledged. yeta waits 3 seconds for the answer: keep this function on a warm plan, and do the slow work
    (CRM updates, reports) from the queue.
#>
using namespace System.Net
param($Request, $TriggerMetadata)

# The raw text, not the parsed body: a BYRobot private deployment posts its JSON as text/plain.
$body = $Request.RawBody
$record = $body | ConvertFrom-OutboundPush -ErrorAction SilentlyContinue -ErrorVariable invalid
if ($invalid) {
    Write-Warning $invalid[0].Exception.Message
    Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{ StatusCode = [HttpStatusCode]::BadRequest; Body = 'not a push' })
    return
}

Push-OutputBinding -Name RawPush -Value $body
# One push of a yeta call is one part of it (record, recording or dialog); ConvertFrom-OutboundPush over the stored
# bodies of a day merges them into one record per call.
foreach ($item in @($record)) {
    Push-OutputBinding -Name Records -Value ($item | Select-Object Vendor, TaskId, CallId, DataId, Phone, Name, Outcome, VendorStatus,
        Intent, IntentLabel, Duration, Dialled, HungUp, RecordingUri | ConvertTo-Json -Compress)
}

# Both vendors read the exact text 'success' as the acknowledgement.
Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{ StatusCode = [HttpStatusCode]::OK; Body = 'success'; ContentType = 'text/plain' })
